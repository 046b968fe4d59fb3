using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Settings;

/// <summary>
/// The reader's zone at work, on a clock standing at Tuesday 10 March 2026, 23:30 UTC — already Wednesday in Tokyo,
/// still Tuesday afternoon in Mexico City and Los Angeles: times are shown in the reader's zone and name it,
/// "tomorrow" is tomorrow where the person is, and a manager's digest follows them when their zone changes.
/// </summary>
public sealed class TimeZoneTeamsTranscriptTests : BotTestBase
{
    private static readonly DateTimeOffset LateTuesdayUtc = new(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);
    private static readonly TeamsUser Carmen = new("29:carmen-tz-id", "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b", "Carmen Ruiz");

    private readonly FakeTimeProvider _clock = TestClock.Create(LateTuesdayUtc);
    private User _ana = null!;
    private User _carmen = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia");
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria@acme.es", owner: _ana);
        db.Interactions.Add(Interaction.Log(maria.Id, _ana.Id, new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.Zero), LateTuesdayUtc,
            InteractionChannel.Phone, InteractionKind.Call, "Asked for the renewal terms", "Will call back", null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Last_ReaderInMexicoCity_ShowsTheTimeThereAndNamesTheZone()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("settings timezone Mexico City");

        (await chat.SendAsync("last María Núñez")).ShouldSay("2026-03-10 12:00 America/Mexico_City");
    }

    [Fact]
    public async Task Ultimo_ReaderInMadrid_ShowsTheTimeInMadridInSpanish()
    {
        var turn = await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("último María Núñez");

        turn.ShouldSay("Última conversación con María Núñez", "2026-03-10 19:00 Europe/Madrid");
        Assert.DoesNotContain("18:00 UTC", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogFollowUpTomorrow_ReaderInTokyo_IsTomorrowInTokyo()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("settings timezone Asia/Tokyo");

        await chat.SendAsync("log");
        await chat.SendAsync("nunez");
        await chat.SendAsync("call");
        await chat.SendAsync("Confirmed the renewal");
        await chat.SendAsync("Signed");
        (await chat.SendAsync("tomorrow")).ShouldSay("Interaction logged", "2026-03-12");

        var logged = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync(i => i.Summary == "Confirmed the renewal"));
        Assert.Equal(new DateOnly(2026, 3, 12), logged.FollowUpOn); // UTC's tomorrow would be the 11th
    }

    [Fact]
    public async Task Digest_ManagerMovesToLosAngeles_ArrivesAtTheTimeThereAndSaysTheZone()
    {
        var chat = App.Chat(Connector, Carmen);
        await chat.SendAsync("help"); // her personal chat is known from now on
        await SubscribeAsync(new TimeOnly(16, 25)); // 16:25 in Los Angeles is 23:25 UTC; in Madrid it was 15:25 UTC

        await DispatchAsync();
        Assert.DoesNotContain(Connector.Activities, a => a.Text.Contains("Your team's digest", StringComparison.Ordinal));

        await chat.SendAsync("settings timezone Los Angeles");
        await DispatchAsync();

        var digest = Assert.Single(Connector.Activities, a => a.Text.Contains("Your team's digest", StringComparison.Ordinal));
        Assert.Contains("to 2026-03-10 16:25 America/Los_Angeles", digest.Text, StringComparison.Ordinal);
        (await chat.SendAsync("digest")).ShouldSay("every day at 16:25 (America/Los_Angeles) in Teams");
    }

    private Task SubscribeAsync(TimeOnly at) =>
        App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, at, DigestChannel.Teams);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen, request, LateTuesdayUtc.AddDays(-2)));
            await db.SaveChangesAsync();
        });

    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);
    }
}
