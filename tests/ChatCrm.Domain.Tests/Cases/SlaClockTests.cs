using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Cases;

/// <summary>Both targets on the business clock, the pauses read from the case's history, and which alerts are due.</summary>
public sealed class SlaClockTests
{
    private static readonly UserId Agent = UserId.New();
    private static readonly BusinessCalendar Madrid = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
    {
        ["Default"] = new("Europe/Madrid", "Mon-Fri", "09:00-17:00", null),
    }).Calendars!.Default;

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Gold × Normal: 4 business hours to the first response, 36 to resolve. Opened Monday 7 December 09:00 in Madrid.</summary>
    private static SupportCase NewCase() =>
        SupportCase.Open(CustomerId.New(), "Invoice shows the wrong VAT", null, CasePriority.Normal, ValueTier.Gold, Agent, "Billing", Utc(7, 8), SlaTable.Default);

    [Fact]
    public void Read_NoResponseYet_FirstResponseDueAfterFourBusinessHours()
    {
        var reading = SlaClock.Read(NewCase(), SlaTable.Default, Madrid, Utc(7, 11));

        Assert.Equal((TimeSpan.FromHours(4), TimeSpan.FromHours(3), Utc(7, 12)),
            (reading.FirstResponse.Allowed, reading.FirstResponse.Used, reading.FirstResponse.DueAt));
        Assert.Equal(Utc(11, 12), reading.Resolution.DueAt); // 36 h of 8-hour days: Friday 13:00 in Madrid
        Assert.False(reading.IsPaused);
        Assert.Equal([(SlaTarget.FirstResponse, SlaThreshold.Warning)], SlaAlertRule.Due(reading));
    }

    [Fact]
    public void Read_WaitingOnTheCustomer_MetTheFirstResponseAndStopsTheResolutionClock()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, Agent, Utc(7, 10)); // Monday 11:00 local

        var reading = SlaClock.Read(supportCase, SlaTable.Default, Madrid, Utc(9, 10));

        Assert.True(reading.IsPaused);
        Assert.True(reading.FirstResponse.IsMet);
        Assert.Equal(TimeSpan.FromHours(2), reading.Resolution.Used);
        Assert.Equal(Utc(15, 12), reading.Resolution.DueAt); // were it resumed now: 34 h from Wednesday 11:00 local, Tuesday 13:00
        Assert.Empty(SlaAlertRule.Due(reading));
    }

    [Fact]
    public void Read_ResumedAfterWaiting_SubtractsTheWait()
    {
        var supportCase = NewCase();
        supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, Agent, Utc(7, 10));
        supportCase.ChangeStatus(CaseStatus.InProgress, Agent, Utc(8, 8)); // Tuesday 09:00 local

        var reading = SlaClock.Read(supportCase, SlaTable.Default, Madrid, Utc(8, 10));

        Assert.Equal([new TimeInterval(Utc(7, 10), Utc(8, 8))], SlaClock.Pauses(supportCase));
        Assert.Equal(TimeSpan.FromHours(4), reading.Resolution.Used); // two on Monday, two on Tuesday
        Assert.False(reading.IsPaused);
    }

    [Fact]
    public void Read_PastTheTarget_IsABreachAndTheWarningIsMoot()
    {
        var reading = SlaClock.Read(NewCase(), SlaTable.Default, Madrid, Utc(7, 12));

        Assert.True(reading.FirstResponse.IsBreached);
        Assert.Equal([(SlaTarget.FirstResponse, SlaThreshold.Breach)], SlaAlertRule.Due(reading));
    }

    [Fact]
    public void Read_ResolvedLate_IsDoneButBreachedAndAlertsNothing()
    {
        var supportCase = NewCase();
        supportCase.Resolve("Credit note sent", Agent, Utc(14, 16)); // the next Monday, 17:00 local: 48 business hours

        var reading = SlaClock.Read(supportCase, SlaTable.Default, Madrid, Utc(15, 9));

        Assert.Equal(TimeSpan.FromHours(48), reading.Resolution.Used);
        Assert.True(reading.Resolution.IsBreached);
        Assert.False(reading.Resolution.IsMet);
        Assert.Equal(Utc(14, 16), reading.FirstResponse.DoneAt); // resolved without a first response: the resolution answered
        Assert.Empty(SlaAlertRule.Due(reading));
    }
}
