using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Interactions;

public sealed class FollowUpTests
{
    private readonly TimeProvider _clock = TestClock.Create();
    private readonly CustomerId _customer = CustomerId.New();
    private readonly UserId _rep = UserId.New();

    private Interaction Log(int daysAgo, DateOnly? followUpOn, string summary = "Called about the renewal") =>
        Interaction.Log(_customer, _rep, _clock.GetUtcNow().AddDays(-daysAgo), _clock.GetUtcNow(), InteractionChannel.Phone,
            InteractionKind.Call, summary, null, followUpOn);

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    [Fact]
    public void OpenAmong_LatestInteractionSetsOne_ReturnsItWithTheOwnerAndSummary()
    {
        var older = Log(10, Today.AddDays(-3), "First call");
        var latest = Log(2, Today.AddDays(4), "Sent the quote");

        var open = FollowUp.OpenAmong([latest, older]);

        Assert.NotNull(open);
        Assert.Equal(Today.AddDays(4), open.DueOn);
        Assert.Equal("Sent the quote", open.Summary);
        Assert.Equal(latest.Id, open.From);
        Assert.Equal(_rep, open.Owner);
    }

    [Fact]
    public void OpenAmong_NewerContactWithoutFollowUp_ClosesTheOlderPromise()
    {
        var promised = Log(10, Today.AddDays(-3));
        var answered = Log(1, null);

        Assert.Null(FollowUp.OpenAmong([promised, answered]));
    }

    [Fact]
    public void OpenAmong_NoInteractions_ReturnsNull() => Assert.Null(FollowUp.OpenAmong([]));

    [Theory]
    [InlineData(-2, FollowUpState.Overdue, 2)]
    [InlineData(0, FollowUpState.DueToday, 0)]
    [InlineData(3, FollowUpState.Upcoming, 0)]
    public void StateOn_DueRelativeToToday_IsClassifiedAndCounted(int dueInDays, FollowUpState expected, int daysOverdue)
    {
        var open = FollowUp.OpenAmong([Log(5, Today.AddDays(dueInDays))])!;

        Assert.Equal(expected, open.StateOn(Today));
        Assert.Equal(daysOverdue, open.DaysOverdueOn(Today));
    }

    [Fact]
    public void OpenAmong_HandedOverFollowUp_BelongsToTheNewOwnerWhileTheAuthorStays()
    {
        var heir = UserId.New();
        var promised = Log(2, Today.AddDays(1));

        promised.HandFollowUpTo(heir);

        Assert.Equal(heir, FollowUp.OpenAmong([promised])!.Owner);
        Assert.Equal(_rep, promised.LoggedBy);
    }

    [Fact]
    public void Log_WithoutFollowUp_HasNobodyAnsweringForOne()
    {
        var noPromise = Log(1, null);

        Assert.Null(noPromise.FollowUpOwner);
        Assert.Throws<DomainRuleException>(() => noPromise.HandFollowUpTo(UserId.New()));
    }

    [Fact]
    public void Amend_HandedOverFollowUp_StaysWithWhoeverTookItOver()
    {
        var heir = UserId.New();
        var promised = Log(0, Today.AddDays(2));
        promised.HandFollowUpTo(heir);

        var amended = promised.Amend(promised.OccurredAt, _clock.GetUtcNow(), InteractionChannel.Phone, InteractionKind.Call, "Corrected", null, Today.AddDays(3));
        var withoutFollowUp = Log(0, Today.AddDays(2)).Amend(promised.OccurredAt, _clock.GetUtcNow(), InteractionChannel.Phone, InteractionKind.Call,
            "No promise after all", null, null);

        Assert.Equal(heir, amended.FollowUpOwner);
        Assert.Null(withoutFollowUp.FollowUpOwner);
    }
}
