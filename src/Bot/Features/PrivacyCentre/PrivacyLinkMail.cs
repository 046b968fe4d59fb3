using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Mail;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.PrivacyCentre;

public enum LinkMailOutcome
{
    Sent,
    NotConfigured,
    TooMany,
}

/// <summary>
/// Issues a sign-in link and e-mails it to the customer in their language: a service message (it needs no marketing
/// consent: it only lets the customer see and manage their own data). At most
/// <see cref="PrivacyCentreOptions.LinkRequestsPerAddressPerHour"/> links per customer per hour, counted in the database.
/// </summary>
public sealed class PrivacyLinkMail(PrivacyLinkStore links, SmtpMailer mailer, IOptions<PrivacyCentreOptions> options, TimeProvider time)
{
    public bool IsConfigured => mailer.IsConfigured && options.Value.PublicBaseUrl is not null;

    public async Task<LinkMailOutcome> SendAsync(Customer customer, string email, UserId? sentBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var settings = options.Value;
        if (!IsConfigured)
            return LinkMailOutcome.NotConfigured;
        if (await links.CountIssuedSinceAsync(customer.Id, time.GetUtcNow().AddHours(-1), ct) >= settings.LinkRequestsPerAddressPerHour)
            return LinkMailOutcome.TooMany;

        var token = await links.IssueAsync(customer.Id, settings.LinkLifetime, sentBy, ct);
        var link = new Uri(settings.PublicBaseUrl!, $"{PrivacyCentreRoutes.Open}/{token}");
        await mailer.SendAsync(Compose(email, link, customer.PreferredLanguage, (int)settings.LinkLifetime.TotalMinutes), ct);
        return LinkMailOutcome.Sent;
    }

    public static MailMessage Compose(string email, Uri link, LanguageCode language, int minutes)
    {
        ArgumentNullException.ThrowIfNull(link);
        var lifetime = minutes.ToString(CultureInfo.InvariantCulture);
        return new MailMessage(email,
            language.Pick("Your privacy centre link", "Tu enlace al centro de privacidad"),
            language.Pick(
                $"Hello,\n\nOpen your privacy centre to see the data we hold about you, change your consent, download your data or ask for a correction or erasure:\n\n{link}\n\nThe link works once, for {lifetime} minutes. If you did not ask for it, ignore this message: nothing happens without the link.\n\nThis is a service message about your personal data.",
                $"Hola:\n\nAbre tu centro de privacidad para ver los datos que guardamos sobre ti, cambiar tu consentimiento, descargar tus datos o pedir una corrección o la supresión:\n\n{link}\n\nEl enlace funciona una vez, durante {lifetime} minutos. Si no lo has pedido, ignora este mensaje: sin el enlace no pasa nada.\n\nEste es un mensaje de servicio sobre tus datos personales."));
    }
}
