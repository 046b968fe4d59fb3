using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>The <c>HandOver</c> section: what moves with a customer handed to a new owner.</summary>
public sealed class HandOverOptions
{
    public const string SectionName = "HandOver";

    /// <summary>Open cases assigned to the previous owner: <c>MoveToNewOwner</c> (default) or <c>StayWithAssignee</c>.</summary>
    public OpenCasesOnHandOver OpenCases { get; set; } = OpenCasesOnHandOver.MoveToNewOwner;

    /// <summary>An open follow-up the previous owner promised: <c>MoveToNewOwner</c> (default) or <c>StayWithAuthor</c>.</summary>
    public OpenFollowUpsOnHandOver OpenFollowUps { get; set; } = OpenFollowUpsOnHandOver.MoveToNewOwner;

    /// <summary>Both rules, as the hand-over applies them.</summary>
    public HandOverRules Rules => new(OpenCases, OpenFollowUps);
}
