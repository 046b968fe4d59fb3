using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Mail;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>The survey e-mail in the customer's language: a service message about their own case, with the single-use link.</summary>
public static class SurveyMail
{
    public static MailMessage Compose(string email, Uri link, string caseNumber, LanguageCode language, int days)
    {
        ArgumentNullException.ThrowIfNull(link);
        var lifetime = days.ToString(CultureInfo.InvariantCulture);
        return new MailMessage(email,
            language.Pick($"How did we do? Your case {caseNumber}", $"¿Qué tal lo hicimos? Tu caso {caseNumber}"),
            language.Pick(
                $"Hello,\n\nWe have resolved your case {caseNumber}. Would you tell us how satisfied you are, from 1 (not at all) to 5 (very)? It takes one click, and you may add a comment:\n\n{link}\n\nThe link works once, for {lifetime} days.\n\nThis is a service message about your case.",
                $"Hola:\n\nHemos resuelto tu caso {caseNumber}. ¿Nos dices cuánto te ha satisfecho, del 1 (nada) al 5 (mucho)? Es un clic, y puedes añadir un comentario:\n\n{link}\n\nEl enlace funciona una vez, durante {lifetime} días.\n\nEste es un mensaje de servicio sobre tu caso."));
    }
}
