using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Interactions;

public sealed class InteractionLogTests
{
    private readonly TimeProvider _clock = TestClock.Create();
    private readonly CustomerId _customer = CustomerId.New();
    private readonly UserId _rep = UserId.New();

    private Interaction Log(DateTimeOffset occurredAt, string summary = "Called about the renewal", string? outcome = null, DateOnly? followUpOn = null) =>
        Interaction.Log(_customer, _rep, occurredAt, _clock.GetUtcNow(), InteractionChannel.Phone, InteractionKind.Call, summary, outcome, followUpOn);

    [Fact]
    public void Log_PastContact_RecordsEverything()
    {
        var occurred = _clock.GetUtcNow().AddHours(-2);

        var interaction = Log(occurred, outcome: "Wants a quote", followUpOn: new DateOnly(2026, 3, 17));

        Assert.Equal(_customer, interaction.CustomerId);
        Assert.Equal(_rep, interaction.LoggedBy);
        Assert.Equal(occurred, interaction.OccurredAt);
        Assert.Equal(_clock.GetUtcNow(), interaction.RecordedAt);
        Assert.Equal(InteractionChannel.Phone, interaction.Channel);
        Assert.Equal(InteractionKind.Call, interaction.Kind);
        Assert.Equal("Wants a quote", interaction.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 17), interaction.FollowUpOn);
        Assert.NotEqual(Guid.Empty, interaction.Id.Value);
    }

    [Fact]
    public void Log_FollowUpOnTheLocalDateBehindUtc_IsJudgedOnTheUsersCalendar()
    {
        // 01:00 UTC on 11 March is still 10 March in Mexico City: a follow-up "today" there is not in the past.
        var occurred = new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero);
        var mexico = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");
        var localToday = new DateOnly(2026, 3, 10);

        var interaction = Interaction.Log(_customer, _rep, occurred, occurred, InteractionChannel.Phone, InteractionKind.Call,
            "Called from the road", null, localToday, mexico);

        Assert.Equal(localToday, interaction.FollowUpOn);
        Assert.Throws<DomainRuleException>(() => Interaction.Log(_customer, _rep, occurred, occurred, InteractionChannel.Phone,
            InteractionKind.Call, "Called from the road", null, localToday));
    }

    [Fact]
    public void Log_FutureDate_IsRejected()
    {
        var error = Assert.Throws<DomainRuleException>(() => Log(_clock.GetUtcNow().AddHours(1)));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_WithinClockSkew_IsAccepted()
    {
        var interaction = Log(_clock.GetUtcNow().AddMinutes(4));

        Assert.Equal(_clock.GetUtcNow().AddMinutes(4), interaction.OccurredAt);
    }

    [Fact]
    public void Log_FollowUpBeforeOccurrence_IsRejected()
    {
        var occurred = _clock.GetUtcNow().AddDays(-1);

        var error = Assert.Throws<DomainRuleException>(() =>
            Log(occurred, followUpOn: DateOnly.FromDateTime(occurred.UtcDateTime).AddDays(-1)));

        Assert.Contains("follow-up date cannot be before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_FollowUpSameDay_IsAccepted()
    {
        var occurred = _clock.GetUtcNow().AddHours(-1);
        var sameDay = DateOnly.FromDateTime(occurred.UtcDateTime);

        Assert.Equal(sameDay, Log(occurred, followUpOn: sameDay).FollowUpOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData(null)]
    public void Log_EmptySummary_IsRejected(string? summary)
    {
        var error = Assert.Throws<DomainRuleException>(() => Log(_clock.GetUtcNow(), summary!));

        Assert.Equal("The summary cannot be empty.", error.Message);
    }

    [Fact]
    public void Log_OversizeSummary_IsRejectedWithLimit()
    {
        var summary = new string('a', Interaction.MaxSummaryLength + 1);

        var error = Assert.Throws<DomainRuleException>(() => Log(_clock.GetUtcNow(), summary));

        Assert.Contains("4001 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 4000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_SummaryAtLimit_IsAccepted() =>
        Assert.Equal(Interaction.MaxSummaryLength, Log(_clock.GetUtcNow(), new string('a', Interaction.MaxSummaryLength)).Summary.Length);

    [Fact]
    public void Log_OversizeOutcome_IsRejectedWithLimit()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Log(_clock.GetUtcNow(), outcome: new string('o', Interaction.MaxOutcomeLength + 1)));

        Assert.Contains($"the limit is {Interaction.MaxOutcomeLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_PaddedText_IsTrimmedAndBlankOutcomeDropped()
    {
        var interaction = Log(_clock.GetUtcNow(), "  Called about the renewal \n", outcome: "   ");

        Assert.Equal("Called about the renewal", interaction.Summary);
        Assert.Null(interaction.Outcome);
    }

    [Fact]
    public void Log_LocalTimes_AreStoredAsUtc()
    {
        var madrid = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.FromHours(1));

        var interaction = Log(madrid);

        Assert.Equal(TimeSpan.Zero, interaction.OccurredAt.Offset);
        Assert.Equal(madrid, interaction.OccurredAt);
    }

    [Theory]
    [InlineData(InteractionKind.Call, InteractionChannel.Phone)]
    [InlineData(InteractionKind.Visit, InteractionChannel.Visit)]
    [InlineData(InteractionKind.Email, InteractionChannel.Email)]
    [InlineData(InteractionKind.Chat, InteractionChannel.Slack)]
    public void DefaultChannel_Kind_MapsToChannel(InteractionKind kind, InteractionChannel expected) =>
        Assert.Equal(expected, kind.DefaultChannel(InteractionChannel.Slack));
}
