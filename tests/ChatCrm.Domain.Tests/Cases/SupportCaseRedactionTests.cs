using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Cases;

/// <summary>A case of an erased customer keeps its number, dates and status changes, and loses its words.</summary>
public sealed class SupportCaseRedactionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly UserId Agent = UserId.New();

    [Fact]
    public void Redact_ResolvedCase_TitleDescriptionAndNotesGoStatusChangesStay()
    {
        var supportCase = SupportCase.Open(CustomerId.New(), "María's router", "Broken since Monday", CasePriority.Normal, null, Agent, "Network", Now, SlaTable.Default);
        supportCase.Resolve("Replaced at María's home", Agent, Now.AddHours(2));

        supportCase.Redact();

        Assert.Equal(Interaction.ErasedText, supportCase.Title);
        Assert.Empty(supportCase.Description);
        Assert.Equal(Interaction.ErasedText, supportCase.History.Single(h => h.Change == CaseChange.Note).To);
        Assert.Equal(nameof(CaseStatus.Resolved), supportCase.History.Single(h => h.Change == CaseChange.StatusChanged).To);
        Assert.Equal(CaseStatus.Resolved, supportCase.Status);
    }
}
