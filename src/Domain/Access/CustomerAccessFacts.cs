using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Access;

/// <summary>What need-to-know access depends on: who owns the customer's account, in which team, under which manager.</summary>
/// <param name="OwnerId">The owning rep; null for an account nobody owns yet.</param>
/// <param name="OwnerTeam">The owning rep's team.</param>
/// <param name="OwnerManagerId">The owning rep's manager.</param>
public sealed record CustomerAccessFacts(UserId? OwnerId, string? OwnerTeam, UserId? OwnerManagerId)
{
    public static CustomerAccessFacts Unowned { get; } = new(null, null, null);

    public static CustomerAccessFacts OwnedBy(User? owner) =>
        owner is null ? Unowned : new(owner.Id, owner.Team, owner.ManagerId);
}
