using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>The manager's digest in Teams: the "digest" command, and a due digest delivered proactively, once.</summary>
public sealed class DigestTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");

    private User _carmen = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: ana);
        var pedro = await db.AddCustomerAsync("Pedro Gil", "Gil Hermanos", owner: ana);
        // The digest's period ends at its due time, a few minutes before the test dispatches it: "now" is taken here,
        // not from CrmData.Now (fixed when the test process first used it, possibly long before this test runs).
        var now = DateTimeOffset.UtcNow;
        var today = CrmData.Today;
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, now.AddDays(-12), now, InteractionChannel.Phone, InteractionKind.Call,
            "Called about the renewal", null, today.AddDays(-5)));
        // Logged an hour ago: inside the period the digest reports on (up to its due time, a few minutes ago).
        db.Interactions.Add(Interaction.Log(pedro.Id, ana.Id, now.AddDays(-60), now.AddHours(-1), InteractionChannel.Phone, InteractionKind.Call,
            "Left a message", null, null));
        db.CustomerValues.Add(new CustomerValue(new CustomerFigures(pedro.Id, 90_000m, 9, CrmData.Now.AddDays(-90), 0), ValueTier.Platinum, "EUR", CrmData.Now));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Digest_Rep_IsToldItIsForManagers()
    {
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("resumen diario 08:00")).ShouldSay("Los resúmenes son para responsables");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DigestSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task Digest_ManagerSetsShowsAndStops_InSpanishAndEnglish()
    {
        var chat = App.Chat(Connector, Carmen, locale: "es-ES");

        (await chat.SendAsync("resumen semanal lunes 9:00")).ShouldSay("Tu resumen llega cada lunes a las 09:00 (Europe/Madrid) en Teams");
        (await chat.SendAsync("resumen")).ShouldSay("cada lunes a las 09:00");
        var english = TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, Carmen, "digest daily 08:00 slack");
        english["locale"] = "en-US";
        (await chat.PostAsync(english)).ShouldSay("Your digest comes every day at 08:00 (Europe/Madrid) in Slack");
        (await chat.SendAsync("resumen a las 8")).ShouldSay("No entiendo \"a\"");
        (await chat.SendAsync("resumen desactivar")).ShouldSay("no recibirás más resúmenes");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DigestSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task Dispatch_DueDigest_IsDeliveredToTheManagersTeamsChatOnceEvenWithTwoSchedulers()
    {
        var chat = App.Chat(Connector, Carmen, locale: "es-ES");
        await chat.SendAsync("resumen"); // the manager has spoken to the bot: her personal chat's reference is stored
        await SubscribeDueNowAsync(DigestChannel.Teams);
        var before = Connector.Activities.Count;

        // Two instances' schedulers reach the same period at once, then one runs again (a restart).
        await Task.WhenAll(DispatchAsync(), DispatchAsync());
        await DispatchAsync();

        var digests = Connector.Activities.Skip(before).Where(a => a.Card is not null).ToList();
        var digest = Assert.Single(digests);
        Assert.Equal(chat.ConversationId, digest.ConversationId);
        foreach (var expected in new[] { "Resumen de tu equipo", "Ana García", "Teléfono 1", "Seguimientos vencidos", "María Núñez", "Clientes de alto valor en riesgo", "Pedro Gil", "Platinum", "sin contacto desde hace más de 30 días" })
            Assert.Contains(expected, digest.Text, StringComparison.Ordinal);
        Assert.Contains(digest.Buttons, b => ((string?)b["title"])!.StartsWith("Abrir María Núñez", StringComparison.Ordinal));
        Assert.Contains(digest.Buttons, b => ((string?)b["title"])!.StartsWith("Abrir Pedro Gil", StringComparison.Ordinal));

        var delivery = await App.WithDatabaseAsync(db => db.DigestDeliveries.SingleAsync());
        Assert.NotNull(delivery.SentAt);
        var listed = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ListedInDigest).CountAsync());
        Assert.Equal(3, listed); // the send, and each of the two customers it names
    }

    [Fact]
    public async Task Dispatch_NoTeamsConversationYet_RecordsWhyAndSendsNothing()
    {
        await SubscribeDueNowAsync(DigestChannel.Teams);

        await DispatchAsync();

        var delivery = await App.WithDatabaseAsync(db => db.DigestDeliveries.SingleAsync());
        Assert.Null(delivery.SentAt);
        Assert.Equal("NoTeamsConversation", delivery.Failure);
    }

    [Fact]
    public async Task Dispatch_TimeNotReachedYet_SendsNothing()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            var later = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(DateTime.UtcNow), DigestChannel.Teams);
            // Chosen just now for a time that, today, has just passed: the first digest is tomorrow's.
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen, later, DateTimeOffset.UtcNow.AddMinutes(1)));
            await db.SaveChangesAsync();
        });

        await DispatchAsync();

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DigestDeliveries.CountAsync()));
    }

    /// <summary>A daily digest set yesterday for a local time a few minutes ago: due now.</summary>
    private Task SubscribeDueNowAsync(DigestChannel channel) =>
        App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            var madridNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, carmen.ResolveTimeZone());
            var time = TimeOnly.FromDateTime(madridNow.DateTime).AddMinutes(-5);
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, time, channel);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen, request, DateTimeOffset.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        });

    private async Task DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);
    }
}
