using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// "kpis [week|month]" / "indicadores [semana|mes]": a manager's team KPIs on demand, computed by the same layer and
/// thresholds as the digest. Others are told politely that the figures are a manager's; every customer the answer
/// names is audited, as the digest does.
/// </summary>
public sealed class KpisCommand(TeamKpiQuery query, KpiCharts charts, AuditTrail audit, IOptions<DigestOptions> options, TimeProvider time) : IChatCommand
{
    public static CommandSpec Spec { get; } = new("kpis", ["kpis", "kpi"], ["indicadores"]);

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        await RunAsync(context, argument);
        return state;
    }


    public async Task RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role != UserRole.Manager)
        {
            context.Say("KPIs are for managers: they cover the team that reports to you. Your own customers are one \"find\" away.",
                "Los indicadores son para responsables de equipo: cubren a quienes dependen de ti. Tus clientes están a un \"buscar\" de distancia.");
            return;
        }
        var request = KpiRequest.Parse(argument);
        if (request.Problem is { } problem)
        {
            context.Say(problem);
            return;
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, context.User.ResolveTimeZone()).DateTime);
        var period = KpiPeriod.Ending(now, request.Span);
        var kpis = await query.ComputeAsync(context.User.Id, period, today, options.Value.ToThresholds(), context.CancellationToken);
        var pictures = await charts.BlocksAsync(context.User.Id, period, context.Language, context.Zone, context.CancellationToken);
        foreach (var customer in kpis.CustomersNamed)
            audit.Record(context, AuditAction.ListedInKpis, customer, CustomerField.Identity);
        context.Show(KpiCards.Kpis(kpis, context.Language, context.Zone, pictures));
    }
}
