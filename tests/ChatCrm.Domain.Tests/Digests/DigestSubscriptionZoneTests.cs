using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Digests;

public sealed class DigestSubscriptionZoneTests
{
    [Fact]
    public void ScheduleIn_ManagerMovedZone_IsDueAtTheSameWallClockTimeInTheNewZone()
    {
        var carmen = new User(UserId.New(), "Carmen Ruiz", UserRole.Manager, "Iberia", "Europe/Madrid", "es-ES");
        var chosenAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var subscription = DigestSubscription.Choose(carmen,
            new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, new TimeOnly(8, 0), DigestChannel.Teams), chosenAt);
        var now = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

        var inMadrid = subscription.Schedule.NextAfter(now).DueAt;
        var inMexico = subscription.ScheduleIn("America/Mexico_City").NextAfter(now).DueAt;

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), inMadrid);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero), inMexico);
    }
}
