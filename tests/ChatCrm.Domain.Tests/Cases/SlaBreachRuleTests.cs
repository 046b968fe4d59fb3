using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Cases;

public sealed class SlaBreachRuleTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Agent = UserId.New();

    // Silver × High: 16 hours, due 2026-03-11 01:00 UTC.
    private static SupportCase NewCase() =>
        SupportCase.Open(CustomerId.New(), "Login fails", null, CasePriority.High, ValueTier.Silver, Agent, "Support", Opened, SlaTable.Default);

    [Fact]
    public void Evaluate_EarlyInTheTarget_IsOnTrack()
    {
        var decision = SlaBreachRule.Evaluate(NewCase(), Opened.AddHours(1));

        Assert.Equal(SlaState.OnTrack, decision.State);
        Assert.Equal("15 h 0 min left", decision.Reason);
    }

    [Fact]
    public void Evaluate_InTheLastFifth_IsAtRisk()
    {
        var decision = SlaBreachRule.Evaluate(NewCase(), Opened.AddHours(13));

        Assert.Equal(SlaState.AtRisk, decision.State);
        Assert.Equal("3 h 0 min left of 16 h 0 min", decision.Reason);
    }

    [Fact]
    public void Evaluate_PastTheDueTime_IsBreachedWithTierAndPriority()
    {
        var decision = SlaBreachRule.Evaluate(NewCase(), Opened.AddHours(16).AddMinutes(30));

        Assert.True(decision.IsBreached);
        Assert.Equal("overdue by 30 min (High priority)", decision.Reason);
    }

    [Fact]
    public void Evaluate_ResolvedInTimeThenLookedAtLater_StaysMet()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.Resolved, Agent, Opened.AddHours(10));

        var decision = SlaBreachRule.Evaluate(supportCase, Opened.AddDays(30));

        Assert.Equal(SlaState.Met, decision.State);
        Assert.False(decision.IsBreached);
    }

    [Fact]
    public void Evaluate_ResolvedLate_IsMissedEvenWhenClosed()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.Resolved, Agent, Opened.AddHours(20));
        supportCase.ChangeStatus(CaseStatus.Closed, Agent, Opened.AddHours(21));

        var decision = SlaBreachRule.Evaluate(supportCase, Opened.AddHours(22));

        Assert.Equal(SlaState.MissedButResolved, decision.State);
        Assert.Equal("resolved 4 h 0 min after the due time", decision.Reason);
    }

    [Fact]
    public void Evaluate_WaitingOnCustomerPastDue_IsStillBreached()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, Agent, Opened.AddHours(1));

        Assert.Equal(SlaState.Breached, SlaBreachRule.Evaluate(supportCase, Opened.AddHours(17)).State);
    }
}
