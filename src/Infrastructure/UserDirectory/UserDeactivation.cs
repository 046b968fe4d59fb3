using ChatCrm.Domain.Access;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Deactivates a user found by work e-mail (<c>users deactivate</c>, an admin's form, the API) and hands every customer
/// they own to an active colleague who may own customers, in one transaction: either both happen or neither does.
/// The last active admin cannot be deactivated (<see cref="RoleChangeRule.DecideDeactivation"/>). The user keeps their
/// record and chat links, so the bot recognises and refuses them. Audited with the before and after and the count.
/// </summary>
public sealed class UserDeactivation(CrmDbContext db, UserDirectoryReader directory, DirectoryAudit audit, TimeProvider time)
{
    public async Task<DirectoryResult<DeactivationReport>> DeactivateAsync(string? email, string? handOverToEmail, DirectoryActor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<DirectoryProblem>();
        var user = UserInput.Email(email, "email", problems) is { } found ? await directory.ByEmailAsync(found, "email", problems, cancellationToken) : null;
        var heir = UserInput.Email(handOverToEmail, "handOverTo", problems) is { } to ? await directory.ByEmailAsync(to, "handOverTo", problems, cancellationToken) : null;
        if (user is not null)
        {
            var decision = RoleChangeRule.DecideDeactivation(user, await directory.ActiveAdminCountAsync(cancellationToken));
            if (!decision.Allowed)
                problems.Add(new DirectoryProblem("email", decision.Reason!.English));
        }
        if (heir is not null && user is not null && heir.Id == user.Id)
            problems.Add(new DirectoryProblem("handOverTo", "the customers must go to someone else."));
        else if (heir is { IsActive: false })
            problems.Add(new DirectoryProblem("handOverTo", $"{heir.Email} is deactivated."));
        else if (heir is not null && !NeedToKnowPolicy.MayWorkCases(heir.Role))
            problems.Add(new DirectoryProblem("handOverTo", $"{heir.Email} is a {heir.Role} and cannot own customers; name a sales rep, support agent or manager."));
        if (problems.Count > 0)
            return DirectoryResult.Refused<DeactivationReport>(problems);

        var strategy = db.Database.CreateExecutionStrategy();
        var handedOver = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var userId = user!.Id;
            var customers = await db.Customers.Where(c => c.OwnerId == userId).ToListAsync(cancellationToken);
            foreach (var customer in customers)
                customer.AssignOwner(heir!.Id);
            user.Deactivate(time.GetUtcNow());
            audit.Record(actor, user,
                $"users deactivate: user {user.Id}; active -> deactivated; role: {user.Role}; {customers.Count} customer(s) handed over to user {heir!.Id}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return customers.Count;
        });
        return DirectoryResult.Done(new DeactivationReport(user!, heir!, handedOver));
    }
}
