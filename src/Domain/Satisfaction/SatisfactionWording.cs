using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Satisfaction;

/// <summary>How the survey's history entries read on a case card, in both languages.</summary>
public static class SatisfactionWording
{
    /// <summary>Why the survey was not e-mailed, from the reason stored in the history.</summary>
    public static LocalizedText NotSent(string? stored) =>
        Enum.TryParse<SurveyNotSentReason>(stored, out var reason) ? reason switch
        {
            SurveyNotSentReason.NoEmail => new("the customer has no e-mail address", "el cliente no tiene correo electrónico"),
            SurveyNotSentReason.NoConsent => new("the customer does not accept service messages by e-mail", "el cliente no acepta mensajes de servicio por correo"),
            SurveyNotSentReason.CustomerGone => new("the customer's record was erased or merged", "la ficha del cliente se borró o se fusionó"),
            _ => new("e-mail is not set up in ChatCrm", "el correo no está configurado en ChatCrm"),
        } : new(stored ?? "-", stored ?? "-");

    /// <summary>The customer's answer: "satisfaction 4/5: «comment»", or without the comment when they wrote none.</summary>
    public static LocalizedText Rated(string? score, string? comment) => comment is null
        ? new($"customer satisfaction: {score}/5", $"satisfacción del cliente: {score}/5")
        : new($"customer satisfaction: {score}/5 · \u201c{comment}\u201d", $"satisfacción del cliente: {score}/5 · \u00ab{comment}\u00bb");
}
