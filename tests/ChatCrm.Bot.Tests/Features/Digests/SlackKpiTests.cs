using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>The "kpis" command through /crm: the same KPIs as in Teams, as Block Kit, refused politely to reps.</summary>
public sealed class SlackKpiTests : SlackTestBase
{
    private static readonly SlackUser Jorge = new("T0ACME", "U0JORGE", "jorge");

    private KpiTeamCases _cases = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, UserRole.Manager, "Dirección", locale: "es-ES");
        var jorge = await AddSlackUserAsync(db, Jorge, UserRole.SalesRep, "Iberia");
        jorge.ReportTo(lucia.Id);
        await db.SaveChangesAsync();
        _cases = await db.AddBookAsync(jorge);
    }

    [Fact]
    public async Task Kpis_ManagerInSpanish_GetsEverySectionWithButtons()
    {
        await Client().CommandAsync("indicadores mes");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        foreach (var expected in new[] { "Indicadores de tu equipo", "Seguimientos vencidos", "María Núñez", "Pedro Gil", "Luis Ortega",
                     _cases.Near, _cases.Past, "50% (1 de 2 respondidas, 2 mostradas)", "Nuria Sol", "Abrir Nuria Sol", $"Abrir {_cases.Past}" })
            Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal(4, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ListedInKpis)));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Kpis_Rep_IsPolitelyRefusedInEnglish()
    {
        await Client(Jorge).CommandAsync("kpis");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("KPIs are for managers", reply.Text, StringComparison.Ordinal);
    }
}
