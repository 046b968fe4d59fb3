using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>
/// "Search customers" as a form (the App Home's button, <see cref="IHomePage.SearchVerb"/>; on Slack, a modal): one query
/// field, checked when submitted (errors stay in the form), then a "find" turn answered in the person's direct
/// conversation with the same card or choices as typing it, under the same need-to-know and audit.
/// </summary>
public sealed class CustomerSearchChatForm : IChatForm
{
    public const string FormName = "search";
    public const string QueryField = "query";
    public const int MaxQueryLength = 200;

    public string Name => FormName;

    public string GeneralField => QueryField;

    public string? OpenVerb => IHomePage.SearchVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command) => null;

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<ChatFormView?>(new ChatFormView(Card(context.Language)));
    }

    public Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var language = context.Language;
        var query = values.GetValueOrDefault(QueryField)?.Trim() ?? string.Empty;
        if (query.Length == 0)
            return Invalid(language.Pick("Type a name, company, e-mail or phone.", "Escribe un nombre, empresa, e-mail o teléfono."));
        if (query.Length > MaxQueryLength)
            return Invalid(language.Pick($"That is {query.Length} characters; a search has up to {MaxQueryLength}.",
                $"Son {query.Length} caracteres; una búsqueda tiene hasta {MaxQueryLength}."));
        return Task.FromResult(ChatFormOutcome.Run($"{CustomerVerbs.Find} {query}"));
    }

    public static Card Card(LanguageCode language)
    {
        CardBlock[] body =
        [
            new CardTextInput(QueryField, language.Pick("Customer", "Cliente"), MaxQueryLength)
            {
                Placeholder = language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"),
            },
            new CardText(language.Pick("The results arrive in your direct message with ChatCrm.", "Los resultados llegan a tu mensaje directo con ChatCrm."),
                TextEmphasis.Subtle),
        ];
        var search = new CardButton(language.Pick("Search", "Buscar"), CustomerVerbs.Find, new Dictionary<string, string>()) { SubmitsInputs = true };
        return new Card(language.Pick("Search customers", "Buscar clientes"), body, [search]);
    }

    private static Task<ChatFormOutcome> Invalid(string message) => Task.FromResult(ChatFormOutcome.Invalid(QueryField, message));
}
