using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// The team KPIs in Teams: the "kpis" / "indicadores" command for managers (and its refusal for others), and the
/// digest with every section, each line with a button to act on it.
/// </summary>
public sealed class KpiTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");

    private User _carmen = null!;
    private KpiTeamCases _cases = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
        _cases = await db.AddBookAsync(ana);
    }

    [Fact]
    public async Task Kpis_Rep_IsPolitelyRefusedAndNothingIsAudited()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("kpis")).ShouldSay("KPIs are for managers");
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("indicadores")).ShouldSay("Los indicadores son para responsables de equipo");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ListedInKpis)));
    }

    [Fact]
    public async Task Kpis_ManagerInSpanish_ShowsEverySectionWithButtonsAndAuditsEachCustomer()
    {
        var chat = App.Chat(Connector, Carmen, locale: "es-ES");

        var turn = (await chat.SendAsync("indicadores semana")).ShouldSay(
            "Indicadores de tu equipo", "Ana García", "Seguimientos vencidos", "María Núñez", "5 días de retraso",
            "Clientes de alto valor en riesgo", "Pedro Gil", "sin contacto desde hace más de 30 días",
            "Luis Ortega", "valor a 12 meses un 80% menor (10,000 EUR → 2,000 EUR)", "bajó de Platinum a Gold",
            "Casos cerca o fuera de su SLA", _cases.Near, "del SLA consumido", _cases.Past, "fuera de SLA desde hace",
            "Aceptación de ofertas", "50% (1 de 2 respondidas, 2 mostradas)", "Clientes nuevos", "Nuria Sol",
            "Clientes y servicio", "Activos (contacto o pedido en 90 días)", "Valor por cliente activo (12 meses)", "Satisfacción del cliente",
            "Tasa de respuesta a encuestas", "Tasa de respuesta a ofertas", "100% (2 de 2 mostradas)");

        var buttons = turn.Messages.Single().Buttons.Select(b => (string?)b["title"]).ToList();
        foreach (var expected in new[] { "Abrir María Núñez", "Abrir Pedro Gil", "Abrir Luis Ortega", "Abrir Nuria Sol", $"Abrir {_cases.Near}", $"Abrir {_cases.Past}" })
            Assert.Contains(expected, buttons);
        Assert.Equal(4, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ListedInKpis)));
    }

    [Fact]
    public async Task Kpis_ManagerInEnglish_MonthWorksAndAnUnknownWordIsExplained()
    {
        var chat = App.Chat(Connector, Carmen);

        (await chat.SendAsync("kpis month")).ShouldSay("Your team's KPIs", "Offer acceptance", "50% (1 of 2 answered, 2 shown)",
            "Cases near / past SLA", "1 / 1", "12-month value down 80%", "New customers",
            "Customers and service", "Retention (buyers of the year before who bought again)", "Customer satisfaction", "Offer response rate", "100% (2 of 2 shown)");
        (await chat.SendAsync("kpis year")).ShouldSay("I don't understand \"year\": write \"kpis week\" or \"kpis month\".");
    }

    [Fact]
    public async Task Kpis_ButtonOpensTheCase()
    {
        var chat = App.Chat(Connector, Carmen);
        await chat.SendAsync("kpis");

        (await chat.PressAsync($"Open {_cases.Past}")).ShouldSay(_cases.Past, "Invoices not arriving");
    }

    [Fact]
    public async Task Dispatch_DigestWithEverySection_IsDeliveredInTheManagersLanguage()
    {
        await App.Chat(Connector, Carmen, locale: "es-ES").SendAsync("resumen");
        await App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            var madridNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, carmen.ResolveTimeZone());
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(madridNow.DateTime).AddMinutes(-5), DigestChannel.Teams);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen, request, DateTimeOffset.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        });
        var before = Connector.Activities.Count;

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);

        var digest = Assert.Single(Connector.Activities.Skip(before), a => a.Card is not null);
        foreach (var expected in new[] { "Resumen de tu equipo", "Seguimientos vencidos", "María Núñez", "Pedro Gil", "bajó de Platinum a Gold",
                     "valor a 12 meses un 80% menor", _cases.Near, _cases.Past, "50% (1 de 2 respondidas, 2 mostradas)", "Nuria Sol" })
            Assert.Contains(expected, digest.Text, StringComparison.Ordinal);
        Assert.Contains(digest.Buttons, b => (string?)b["title"] == $"Abrir {_cases.Past}");
        Assert.Contains(digest.Buttons, b => (string?)b["title"] == "Abrir Nuria Sol");
    }
}
