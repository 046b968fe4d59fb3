using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Cases;

public sealed class SupportCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly UserId Agent = UserId.New();

    private static SupportCase NewCase(CasePriority priority = CasePriority.Normal, ValueTier? tier = ValueTier.Gold) =>
        SupportCase.Open(CustomerId.New(), "Invoice shows the wrong VAT", "Since March", priority, tier, Agent, "Billing", Now, SlaTable.Default);

    [Fact]
    public void Open_GoldNormal_DueAfterTheTableTargetAndHistoryStarts()
    {
        var supportCase = NewCase();

        Assert.Equal(Now.AddHours(36), supportCase.SlaDueAt);
        Assert.Equal(CaseStatus.Open, supportCase.Status);
        Assert.Matches("^C-[0-9A-F]{8}$", supportCase.Number);
        var opened = Assert.Single(supportCase.History);
        Assert.Equal(CaseChange.Opened, opened.Change);
        Assert.Equal(1, opened.Sequence);
    }

    [Fact]
    public void Open_CustomerWithoutTier_UsesBronze()
    {
        var supportCase = NewCase(CasePriority.Urgent, tier: null);

        Assert.Equal(ValueTier.Bronze, supportCase.Tier);
        Assert.Equal(Now.AddHours(8), supportCase.SlaDueAt);
    }

    [Fact]
    public void Open_EmptyTitle_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => SupportCase.Open(CustomerId.New(), " ", null, CasePriority.Low, null, Agent, "Billing", Now, SlaTable.Default));

    [Fact]
    public void ChangeStatus_WaitingThenResolvedThenClosed_SetsTimesAndRecordsEveryStep()
    {
        var supportCase = NewCase();

        supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, Agent, Now.AddHours(1));
        supportCase.ChangeStatus(CaseStatus.Resolved, Agent, Now.AddHours(2));
        supportCase.ChangeStatus(CaseStatus.Closed, Agent, Now.AddHours(3));

        Assert.Equal(Now.AddHours(1), supportCase.FirstResponseAt);
        Assert.Equal(Now.AddHours(2), supportCase.ResolvedAt);
        Assert.Equal([CaseChange.Opened, CaseChange.FirstResponse, CaseChange.StatusChanged, CaseChange.StatusChanged, CaseChange.StatusChanged],
            supportCase.History.Select(h => h.Change));
        Assert.Equal([1, 2, 3, 4, 5], supportCase.History.Select(h => h.Sequence));
    }

    [Fact]
    public void ChangeStatus_CloseAnOpenCase_IsRefusedWithTheReason()
    {
        var supportCase = NewCase();

        var problem = Assert.Throws<DomainRuleException>(() => supportCase.ChangeStatus(CaseStatus.Closed, Agent, Now));

        Assert.Contains("resolved before", problem.Message, StringComparison.Ordinal);
        Assert.Single(supportCase.History);
    }

    [Fact]
    public void ChangeStatus_ReopenAClosedCase_IsRefused()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.Resolved, Agent, Now);
        supportCase.ChangeStatus(CaseStatus.Closed, Agent, Now);

        Assert.Throws<DomainRuleException>(() => supportCase.ChangeStatus(CaseStatus.Open, Agent, Now));
        Assert.Throws<DomainRuleException>(() => supportCase.Assign(null, "Tier 2", Agent, Now));
    }

    [Fact]
    public void ChangePriority_ToUrgent_RetargetsFromTheOpeningWithTheOriginalTier()
    {
        var supportCase = NewCase(CasePriority.Low, ValueTier.Platinum);

        supportCase.ChangePriority(CasePriority.Urgent, SlaTable.Default, Agent, Now.AddHours(1));

        Assert.Equal(Now.AddHours(2), supportCase.SlaDueAt);
        Assert.Equal(("Low", "Urgent"), (supportCase.History[^1].From, supportCase.History[^1].To));
    }

    [Fact]
    public void Assign_ToAnotherGroup_RecordsFromAndTo()
    {
        var supportCase = NewCase();
        var other = UserId.New();

        supportCase.Assign(other, "Tier 2", Agent, Now);

        Assert.Equal(other, supportCase.AssignedTo);
        Assert.Equal("Tier 2", supportCase.WorkGroup);
        Assert.EndsWith("@Billing", supportCase.History[^1].From, StringComparison.Ordinal);
        Assert.EndsWith("@Tier 2", supportCase.History[^1].To, StringComparison.Ordinal);
    }

    [Fact]
    public void SlaTable_MissingEntry_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SlaTable(new Dictionary<(ValueTier, CasePriority), TimeSpan>()));

    [Property(MaxTest = 200)]
    public bool SlaTableDefault_AnyTier_HigherPriorityNeverWaitsLonger(byte tierByte, byte priorityByte)
    {
        var tier = (ValueTier)(tierByte % 4);
        var priority = (CasePriority)(priorityByte % 3);
        return SlaTable.Default.Target(tier, priority + 1) < SlaTable.Default.Target(tier, priority)
            && (tier == ValueTier.Platinum || SlaTable.Default.Target(tier + 1, priority) <= SlaTable.Default.Target(tier, priority));
    }
}
