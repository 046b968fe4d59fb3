using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// The consent change form where forms are shown apart from the chat (a Slack modal), opened by "Record a change" on the
/// privacy card: <see cref="ConsentChangeCards.Form"/>, the card Teams shows. It carries the customer as its state; a
/// submission checks every field (errors under each), and a valid one becomes the form's "Record" press, where the
/// customer (merged or erased since?) and the user's access are checked again before anything is recorded.
/// </summary>
public sealed class ConsentChangeChatForm(ConsentChangeRecording recording, CustomerFinder finder, Conversations.Access.CustomerAccess access) : IChatForm
{
    public const string FormName = "consent-change";

    public string Name => FormName;

    public string GeneralField => ConsentChangeReader.ActionField;

    public string? OpenVerb => ConsentChangeCards.OpenVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        if (Id(arguments.GetValueOrDefault(CustomerResolver.CustomerIdKey)) is not { } id
            || await finder.GetAsync(id, context.CancellationToken) is not { } customer || customer.Id != id
            || !(await access.GrantAsync(context, customer)).Allows(CustomerField.Consents))
            return null; // the chat turn answers why (out of date, or not theirs to see)
        return new ChatFormView(ConsentChangeCards.Form(customer, recording.Today(context), context.Language), customer.Id.Value.ToString());
    }

    public Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (Id(state) is not { } id)
            return Task.FromResult(ChatFormOutcome.Invalid(GeneralField, context.Language.Pick("This form is out of date: open the privacy card again.",
                "Este formulario está desactualizado: vuelve a abrir la tarjeta de privacidad.")));
        var (_, errors) = ConsentChangeReader.FromValues(values, recording.Today(context), context.Language);
        if (errors.Count > 0)
            return Task.FromResult(ChatFormOutcome.Invalid(errors));
        return Task.FromResult(ChatFormOutcome.Act(ConsentChangeCards.RecordVerb,
            new Dictionary<string, string>(values, StringComparer.Ordinal) { [CustomerResolver.CustomerIdKey] = id.Value.ToString() }));
    }

    private static CustomerId? Id(string? text) => Guid.TryParse(text, out var id) ? new CustomerId(id) : null;
}
