using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Digests;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Conversations.Jobs;

/// <summary>
/// "kpis [week|month]" / "indicadores [semana|mes]": a manager's team KPIs on demand, computed by the same layer and
/// thresholds as the digest. Others are told politely that the figures are a manager's; every customer the answer
/// names is audited, as the digest does.
/// </summary>
public sealed class KpisJob(TeamKpiQuery query, AuditTrail audit, IOptions<DigestOptions> options, TimeProvider time)
{
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
        var kpis = await query.ComputeAsync(context.User.Id, KpiPeriod.Ending(now, request.Span), today, options.Value.ToThresholds(), context.CancellationToken);
        foreach (var customer in kpis.CustomersNamed)
            audit.Record(context, AuditAction.ListedInKpis, customer, CustomerField.Identity);
        context.Show(KpiCards.Kpis(kpis, context.Language));
    }
}
