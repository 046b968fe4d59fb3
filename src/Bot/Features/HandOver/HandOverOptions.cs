using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>The <c>HandOver</c> section: what moves with a customer handed to a new owner.</summary>
public sealed class HandOverOptions
{
    public const string SectionName = "HandOver";

    /// <summary>Open cases assigned to the previous owner: <c>MoveToNewOwner</c> (default) or <c>StayWithAssignee</c>.</summary>
    public OpenCasesOnHandOver OpenCases { get; set; } = OpenCasesOnHandOver.MoveToNewOwner;
}
