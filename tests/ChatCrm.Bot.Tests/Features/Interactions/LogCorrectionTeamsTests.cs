using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// Correcting one's own log in Teams, as transcripts through the real host: "amend" shows the log form filled in with
/// the last interaction and stores the correction as a new version while the original stays on record; "withdraw"
/// takes it back after a confirmation. Both are audited, a second press changes nothing, and only the author, only
/// their last interaction and only within the window may do it — in English and Spanish.
/// </summary>
public sealed class LogCorrectionTeamsTests : BotTestBase
{
    private static readonly TeamsUser Luis = new("29:luis-amend-id", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "Luis Pérez");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero));
    private User _ana = null!;
    private User _luis = null!;
    private Customer _maria = null!;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia");
        _luis = await db.AddUserAsync(Luis, UserRole.SalesRep, "Iberia", locale: "es-ES");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: _ana);
    }

    [Fact]
    public async Task Amend_LastInteraction_StoresANewVersion_KeepsTheOriginalOnRecord_AndAudits()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        var original = await LogAsync(chat, "Called about the invoice");

        (await chat.SendAsync("amend")).ShouldSay("Amend your interaction with María Núñez");
        var form = FormFields.OfAdaptiveCard(chat.LastCard!.Card!);
        Assert.Equal(("Called about the invoice", "Call"), (form.Single(f => f.Id == "summary").Value, form.Single(f => f.Id == "kind").Value));
        var amendForm = chat.LastCard!;
        (await chat.PressAsync("Save correction", ("kind", "Visit"), ("summary", "Visited them about the March invoice"), ("outcome", "will pay Friday")))
            .ShouldSay("Interaction amended", "Visited them about the March invoice", "The original stays on record");
        (await chat.PressOnAsync(amendForm, "Save correction", ("kind", "Call"), ("summary", "A second save")))
            .ShouldSay("already amended");

        var versions = await VersionsAsync();
        Assert.Equal(2, versions.Count);
        var kept = versions.Single(v => v.Id == original);
        Assert.Equal((InteractionState.Amended, "Called about the invoice", InteractionKind.Call), (kept.State, kept.Summary, kept.Kind));
        var amendment = versions.Single(v => v.Id != original);
        Assert.Equal((InteractionState.Current, original, InteractionKind.Visit, "will pay Friday"), (amendment.State, amendment.AmendmentOf, amendment.Kind, amendment.Outcome));
        Assert.Equal(kept.OccurredAt, amendment.OccurredAt); // the same day keeps the time it happened
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AmendedInteraction));
        Assert.Equal((_ana.Id, _maria.Id, $"interaction {original.Value} amended as {amendment.Id.Value}"), (audited.Actor, audited.CustomerId, audited.Details));

        (await chat.SendAsync("last María Núñez")).ShouldSay("Visited them about the March invoice");
        Assert.DoesNotContain("Called about the invoice", (await chat.SendAsync("history María Núñez")).Text, StringComparison.Ordinal);
        Assert.Contains("amended", chat.LastCard!.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rectificar_InSpanish_AnEmptySummaryIsShownUnderItsFieldAndNothingChanges()
    {
        var chat = App.Chat(Connector, Luis, locale: "es-ES");
        await LuisLogsAsync(chat);

        (await chat.SendAsync("rectificar")).ShouldSay("Corregir tu interacción con María Núñez");
        (await chat.PressAsync("Guardar corrección", ("kind", "Call"), ("summary", "   "))).ShouldSay("Aún no se ha registrado nada", "El resumen");

        var versions = await VersionsAsync();
        Assert.Equal(InteractionState.Current, Assert.Single(versions).State);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AmendedInteraction)));
    }

    [Fact]
    public async Task Withdraw_AfterConfirming_ItCountsNowhereButStaysOnRecord_AndASecondPressChangesNothing()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await LogAsync(chat, "Earlier visit about the renewal");
        _clock.Advance(TimeSpan.FromMinutes(30));
        var mistaken = await LogAsync(chat, "Logged on the wrong customer");

        (await chat.SendAsync("withdraw")).ShouldSay("Withdraw this interaction?", "Logged on the wrong customer");
        var confirmation = chat.LastCard!;
        (await chat.PressAsync("Withdraw it")).ShouldSay("Interaction withdrawn", "stays on record as withdrawn");
        (await chat.PressOnAsync(confirmation, "Withdraw it")).ShouldSay("already withdrawn");

        var kept = (await VersionsAsync()).Single(v => v.Id == mistaken);
        Assert.Equal((InteractionState.Withdrawn, "Logged on the wrong customer"), (kept.State, kept.Summary));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WithdrewInteraction && a.CustomerId == _maria.Id)));
        (await chat.SendAsync("last María Núñez")).ShouldSay("Earlier visit about the renewal");
    }

    [Fact]
    public async Task Anular_PastTheWindow_IsRefusedInSpanish_AndNothingChanges()
    {
        var chat = App.Chat(Connector, Luis, locale: "es-ES");
        await LuisLogsAsync(chat);
        _clock.Advance(TimeSpan.FromHours(25));

        (await chat.SendAsync("anular")).ShouldSay("No puedo", "se registró hace más de 24 horas");
        (await chat.SendAsync("rectificar")).ShouldSay("se registró hace más de 24 horas");

        Assert.Equal(InteractionState.Current, Assert.Single(await VersionsAsync()).State);
    }

    [Fact]
    public async Task Amend_AButtonOnSomeoneElsesOrAnOlderInteraction_IsRefused()
    {
        var ana = App.Chat(Connector, CrmData.Ana);
        await LogAsync(ana, "First call");
        var firstCard = ana.LastCard!;
        _clock.Advance(TimeSpan.FromMinutes(5));
        await LogAsync(ana, "Second call");

        (await ana.PressOnAsync(firstCard, "Amend")).ShouldSay("only your last logged interaction");
        (await App.Chat(Connector, Luis, locale: "en-US").PressOnAsync(ana.LastCard!, "Withdraw")).ShouldSay("only the person who logged an interaction");

        Assert.All(await VersionsAsync(), v => Assert.Equal(InteractionState.Current, v.State));
    }

    [Fact]
    public async Task Amend_NothingLoggedYet_SaysSo()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("amend")).ShouldSay("You haven't logged any interaction yet");
        (await App.Chat(Connector, Luis, locale: "es-ES").SendAsync("anular")).ShouldSay("Aún no has registrado ninguna interacción");
    }

    private Task<InteractionId> LuisLogsAsync(TeamsChat chat) => LogAsync(chat, "Llamada sobre la factura", "Registrar");

    /// <summary>Logs a call with María through the log form, as its author would; returns the interaction's id.</summary>
    private async Task<InteractionId> LogAsync(TeamsChat chat, string summary, string button = "Log it")
    {
        await chat.SendAsync("log form María Núñez");
        await chat.PressAsync(button, ("customer", "María Núñez"), ("kind", "Call"), ("summary", summary));
        return await App.WithDatabaseAsync(db => db.Interactions.Where(i => i.Summary == summary).Select(i => i.Id).SingleAsync());
    }

    private Task<List<Interaction>> VersionsAsync() =>
        App.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().AsNoTracking().OrderBy(i => i.RecordedAt).ToListAsync());
}
