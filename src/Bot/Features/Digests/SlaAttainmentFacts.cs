using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>The two SLA attainment lines of the KPI headline ("kpis" and the digest): the share met, with met of counted.</summary>
public static class SlaAttainmentFacts
{
    public static IEnumerable<CardFact> Headline(SlaAttainment? sla, LanguageCode language)
    {
        if (sla is null)
            yield break;
        yield return new CardFact(language.Pick("First responses within SLA", "Primeras respuestas en plazo"),
            Line(sla.FirstResponseRate, sla.FirstResponseMet, sla.FirstResponses, language));
        yield return new CardFact(language.Pick("Resolutions within SLA", "Resoluciones en plazo"),
            Line(sla.ResolutionRate, sla.ResolutionMet, sla.Resolutions, language));
    }

    private static string Line(decimal? rate, int met, int counted, LanguageCode language)
    {
        if (rate is not { } share)
            return language.Pick("no cases in this period", "ningún caso en este periodo");
        var percent = ((int)Math.Round(share * 100m, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
        return language.Pick($"{percent}% ({met} of {counted})", $"{percent}% ({met} de {counted})");
    }
}
