using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Mail;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// "send privacy link &lt;customer&gt;" / "enviar enlace de privacidad &lt;cliente&gt;": e-mails the customer a sign-in link to
/// their privacy centre. A service message, so it needs no marketing consent; only people who may see the customer's
/// privacy preferences may send it (need-to-know), and it is audited.
/// </summary>
public sealed class SendPrivacyLinkCommand(CustomerResolver resolver, CustomerAccess access, CrmDbContext db, PrivacyLinkMail mail, AuditTrail audit) : IChatCommand
{
    public const string Verb = "privacylink";

    public static CommandSpec Spec { get; } = new(Verb, ["send"], ["enviar"]) { NamesCustomer = true };

    private static readonly string[][] Openings = [["privacy", "link"], ["enlace", "de", "privacidad"], ["enlace", "privacidad"]];

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;

    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = CustomerResolver.ChosenId(context) is null ? AfterOpening(argument) : argument;
        if (query is null)
        {
            context.Say("To send a customer the link to their privacy centre: send privacy link <customer>.",
                "Para enviar a un cliente el enlace a su centro de privacidad: enviar enlace de privacidad <cliente>.");
            return [];
        }
        var (customer, choices) = await resolver.ResolveAsync(context, query, Spec.Verb);
        if (customer is null)
            return choices;
        if (await access.RequireAsync(context, customer, CustomerField.Consents) is null)
            return [];

        var email = await db.CustomerIdentities.AsNoTracking().Where(h => h.CustomerId == customer.Id && h.Kind == IdentityKind.Email)
            .OrderBy(h => h.Value).Select(h => h.Value).FirstOrDefaultAsync(context.CancellationToken);
        if (email is null)
        {
            context.Say($"{customer.DisplayName} has no e-mail address on record, so I can't send the link.",
                $"{customer.DisplayName} no tiene correo electrónico registrado, así que no puedo enviar el enlace.");
            return [];
        }
        var outcome = await SendAsync(customer, email, context);
        context.Say(outcome switch
        {
            LinkMailOutcome.Sent => new LocalizedText(
                $"Sent {customer.DisplayName} a link to their privacy centre at {email}. It is a service message (no marketing consent needed) and works once.",
                $"Enviado a {customer.DisplayName} un enlace a su centro de privacidad en {email}. Es un mensaje de servicio (no necesita consentimiento comercial) y funciona una vez."),
            LinkMailOutcome.TooMany => new LocalizedText(
                $"{customer.DisplayName} has had several links in the last hour; nothing was sent. Try again later.",
                $"{customer.DisplayName} ha recibido varios enlaces en la última hora; no se ha enviado nada. Prueba más tarde."),
            LinkMailOutcome.NotConfigured => new LocalizedText(
                "Privacy centre links need e-mail and the bot's public address: ask your ChatCrm administrator to set Smtp and PrivacyCentre:PublicBaseUrl.",
                "Los enlaces al centro de privacidad necesitan correo y la dirección pública del bot: pide a tu administrador de ChatCrm que configure Smtp y PrivacyCentre:PublicBaseUrl."),
            _ => new LocalizedText("The mail server did not take the message; nothing was sent. Try again later.",
                "El servidor de correo no aceptó el mensaje; no se ha enviado nada. Prueba más tarde."),
        });
        return [];
    }

    private async Task<LinkMailOutcome?> SendAsync(Customer customer, string email, TurnContext context)
    {
        try
        {
            var outcome = await mail.SendAsync(customer, email, context.User.Id, context.CancellationToken);
            if (outcome == LinkMailOutcome.Sent)
                audit.Record(context, AuditAction.SentPrivacyLink, customer.Id, CustomerField.BasicContact);
            return outcome;
        }
        catch (MailNotSentException)
        {
            return null;
        }
    }

    /// <returns>The customer named after "privacy link" / "enlace de privacidad", or null when the words are missing.</returns>
    public static string? AfterOpening(string? argument)
    {
        var words = (argument ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var opening in Openings)
        {
            if (words.Length > opening.Length && opening.Select((w, i) => SearchText.Fold(words[i]) == w).All(match => match))
                return string.Join(' ', words.Skip(opening.Length));
        }
        return null;
    }
}
