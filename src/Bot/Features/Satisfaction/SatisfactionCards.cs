using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Satisfaction;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>A customer's satisfaction answer as pushed to chat: to the case's assignee, and as an alert to the manager for a 1 or 2.</summary>
public static class SatisfactionCards
{
    /// <param name="alert">True for the manager's alert about a low score; false for the assignee's notice.</param>
    public static Card Answer(SatisfactionSurvey survey, string caseNumber, string customerName, string? assigneeName, bool alert, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var score = $"{survey.Score?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{SatisfactionSurvey.MaxScore.ToString(CultureInfo.InvariantCulture)}";
        var title = alert
            ? language.Pick($"Low satisfaction: {customerName} rated case {caseNumber} {score}", $"Satisfacción baja: {customerName} puntuó el caso {caseNumber} con {score}")
            : language.Pick($"{customerName} rated case {caseNumber} {score}", $"{customerName} puntuó el caso {caseNumber} con {score}");
        var facts = new List<CardFact>
        {
            new(language.Pick("Customer", "Cliente"), customerName),
            new(language.Pick("Case", "Caso"), caseNumber),
            new(language.Pick("Score", "Puntuación"), score),
            new(language.Pick("Comment", "Comentario"), survey.Comment ?? language.Pick("(none)", "(ninguno)")),
        };
        if (alert)
            facts.Add(new CardFact(language.Pick("Assignee", "Asignado a"), assigneeName ?? language.Pick("nobody", "nadie")));
        var body = new List<CardBlock> { new CardFacts(facts) };
        if (alert)
        {
            body.Insert(0, new CardText(language.Pick("A customer of your team is unhappy with how their case was handled. Worth a call today.",
                "Un cliente de tu equipo no está contento con cómo se gestionó su caso. Merece una llamada hoy."), TextEmphasis.Warning));
        }
        return new Card(title, body, [CardButton.For(language.Pick($"Open {caseNumber}", $"Abrir {caseNumber}"), CaseDetailCards.ShowVerb, (CaseDetailCards.CaseKey, caseNumber))]);
    }
}
