using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Chart pictures as the cards carry them, at their largest: a signed address as long as a real token makes it, and alt
/// texts naming 26 weeks and 60 reps with long names, for the card validators and size budgets to check.
/// </summary>
internal static class ChartCardSamples
{
    public static IReadOnlyList<CardBlock> Images(LanguageCode language)
    {
        var url = new Uri($"https://crm.example.com/charts/{new string('x', 400)}.png");
        var weeks = string.Join(", ", Enumerable.Range(0, 26).Select(w => $"{w + 1} nov {w * 37}"));
        var reps = string.Join(", ", Enumerable.Range(0, 60).Select(r => $"Representante Comercial Número {r} {r * 11}"));
        return
        [
            new CardImage(url, language.Pick($"Chart: Interactions per week, last 26 weeks. {weeks}.", $"Gráfico: Interacciones por semana, últimas 26 semanas. {weeks}.")),
            new CardImage(url, language.Pick($"Chart: Interactions by rep. {reps}.", $"Gráfico: Interacciones por comercial. {reps}.")),
            new CardImage(url, language.Pick("Chart: Interactions by channel. Phone 20, E-mail 10.", "Gráfico: Interacciones por canal. Teléfono 20, Correo 10.")),
        ];
    }
}
