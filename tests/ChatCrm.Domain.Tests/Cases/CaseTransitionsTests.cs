using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Cases;

public sealed class CaseTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly UserId Agent = UserId.New();

    private static SupportCase NewCase() =>
        SupportCase.Open(CustomerId.New(), "Printer offline", null, CasePriority.Normal, ValueTier.Gold, Agent, "Support", Now, SlaTable.Default);

    [Theory]
    [InlineData(CaseStatus.Open, new[] { CaseStatus.InProgress, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved })]
    [InlineData(CaseStatus.InProgress, new[] { CaseStatus.WaitingOnCustomer, CaseStatus.Resolved })]
    [InlineData(CaseStatus.WaitingOnCustomer, new[] { CaseStatus.InProgress, CaseStatus.Resolved })]
    [InlineData(CaseStatus.Resolved, new[] { CaseStatus.Closed, CaseStatus.Open })]
    [InlineData(CaseStatus.Closed, new CaseStatus[0])]
    public void Next_EachStatus_OffersTheLifeCycleSteps(CaseStatus from, CaseStatus[] expected) =>
        Assert.Equal(expected, CaseTransitions.Next(from));

    [Fact]
    public void Check_CloseInProgress_IsRefusedInBothLanguages()
    {
        var decision = CaseTransitions.Check("C-1", CaseStatus.InProgress, CaseStatus.Closed);

        Assert.False(decision.Allowed);
        Assert.Contains("must be resolved", decision.Reason.English, StringComparison.Ordinal);
        Assert.Contains("debe resolverse", decision.Reason.Spanish, StringComparison.Ordinal);
    }

    [Property]
    public bool Check_FromClosed_IsNeverAllowed(CaseStatus to) =>
        !CaseTransitions.Check("C-1", CaseStatus.Closed, to).Allowed;

    [Property]
    public bool Next_AgreesWithCheck(CaseStatus from, CaseStatus to) =>
        CaseTransitions.Next(from).Contains(to) == (Enum.IsDefined(to) && CaseTransitions.Check("C-1", from, to).Allowed);

    [Fact]
    public void Resolve_WithNote_StopsTheClockAndKeepsTheNoteInTheHistory()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.InProgress, Agent, Now.AddHours(1));

        supportCase.Resolve("Replaced the toner", Agent, Now.AddHours(2));

        Assert.Equal((CaseStatus.Resolved, Now.AddHours(2)), (supportCase.Status, supportCase.ResolvedAt));
        Assert.Equal((CaseChange.Note, "Replaced the toner"), (supportCase.History[^1].Change, supportCase.History[^1].To));
        Assert.Equal(("InProgress", "Resolved"), (supportCase.History[^2].From, supportCase.History[^2].To));
    }

    [Fact]
    public void Resolve_EmptyNote_IsRefusedAndNothingChanges()
    {
        var supportCase = NewCase();

        Assert.Throws<DomainRuleException>(() => supportCase.Resolve("  ", Agent, Now));

        Assert.Equal((CaseStatus.Open, 1), (supportCase.Status, supportCase.History.Count));
    }

    [Fact]
    public void Reopen_ResolvedCase_RestartsTheClock()
    {
        var supportCase = NewCase();
        supportCase.Resolve("Fixed", Agent, Now.AddHours(1));

        supportCase.ChangeStatus(CaseStatus.Open, Agent, Now.AddHours(2));

        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Null(supportCase.ResolvedAt);
        Assert.True(supportCase.IsActive);
    }

    [Fact]
    public void ChangeStatus_ReopenAnInProgressCase_IsRefused()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.InProgress, Agent, Now);

        var problem = Assert.Throws<DomainRuleException>(() => supportCase.ChangeStatus(CaseStatus.Open, Agent, Now));

        Assert.Contains("Only a resolved case", problem.Message, StringComparison.Ordinal);
    }
}

public sealed class SlaTableSettingsTests
{
    private static Dictionary<string, IReadOnlyDictionary<string, double>> Hours(string tier, string priority, double hours) =>
        new() { [tier] = new Dictionary<string, double> { [priority] = hours } };

    [Fact]
    public void Read_NoSettings_IsTheDefaultTable()
    {
        var reading = SlaTableSettings.Read(null);

        Assert.Empty(reading.Problems);
        Assert.Equal(TimeSpan.FromHours(4), reading.Table!.Target(ValueTier.Gold, CasePriority.Urgent));
    }

    [Fact]
    public void Read_OneCell_ReplacesOnlyThatCell()
    {
        var reading = SlaTableSettings.Read(Hours("gold", "URGENT", 3));

        Assert.Equal(TimeSpan.FromHours(3), reading.Table!.Target(ValueTier.Gold, CasePriority.Urgent));
        Assert.Equal(TimeSpan.FromHours(12), reading.Table.Target(ValueTier.Gold, CasePriority.High));
    }

    [Theory]
    [InlineData("Diamond", "Urgent", 3, "Cases:Sla:Diamond is not a tier")]
    [InlineData("Gold", "Critical", 3, "Cases:Sla:Gold:Critical is not a priority")]
    [InlineData("Gold", "Urgent", 0, "must be a number of hours above 0")]
    [InlineData("Gold", "Urgent", -2, "it is -2")]
    [InlineData("1", "Urgent", 2, "is not a tier")]
    public void Read_WrongEntry_NamesTheSettingAndGivesNoTable(string tier, string priority, double hours, string expected)
    {
        var reading = SlaTableSettings.Read(Hours(tier, priority, hours));

        Assert.Null(reading.Table);
        Assert.Contains(reading.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
