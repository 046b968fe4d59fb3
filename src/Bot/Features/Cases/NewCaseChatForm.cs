using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// "New case" as a form filled in at once (a Slack modal for "case new &lt;customer&gt;" without a title): the customer and
/// what the problem is. It opens only for roles that work cases; a valid submission becomes the typed
/// "case new &lt;customer&gt; | &lt;title&gt;", so the case is opened exactly as from chat.
/// </summary>
public sealed class NewCaseChatForm : IChatForm
{
    public const string FormName = "case-new";
    public const string CustomerField = "customer";
    public const string TitleField = "title";

    public string Name => FormName;

    public string GeneralField => CustomerField;

    public string? OpenVerb => null;

    /// <summary>"case new &lt;customer&gt;" when no "| title" follows: the form, the customer filled in.</summary>
    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Verb != CasesCommand.OpenVerb || command.Argument.Contains('|', StringComparison.Ordinal))
            return null;
        var words = command.Argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length > 0 && CasesCommand.IsNewWord(words[0])
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [CustomerField] = words.Length > 1 ? words[1] : string.Empty }
            : null;
    }

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.FromResult(NeedToKnowPolicy.MayWorkCases(context.User)
            ? new ChatFormView(Card(arguments.GetValueOrDefault(CustomerField), context.Language))
            : null);
    }

    public Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var language = context.Language;
        if (!NeedToKnowPolicy.MayWorkCases(context.User))
            return Task.FromResult(ChatFormOutcome.Invalid(GeneralField, language.Pick("Your role does not work on cases.", "Tu rol no trabaja con casos.")));
        var customer = values.GetValueOrDefault(CustomerField)?.Trim() ?? string.Empty;
        var title = values.GetValueOrDefault(TitleField)?.Trim() ?? string.Empty;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (customer.Length == 0 || customer.Contains('|', StringComparison.Ordinal))
            errors[CustomerField] = language.Pick("Name the customer (without \"|\").", "Indica el cliente (sin \"|\").");
        if (title.Length == 0)
            errors[TitleField] = language.Pick("Say what the problem is.", "Indica cuál es el problema.");
        else if (CaseTitleRule.TooLong(title) is { } tooLong)
            errors[TitleField] = tooLong.In(language);
        return Task.FromResult(errors.Count > 0 ? ChatFormOutcome.Invalid(errors) : ChatFormOutcome.Run($"case new {customer} | {title}"));
    }

    public static Card Card(string? customerQuery, LanguageCode language)
    {
        CardBlock[] body =
        [
            new CardTextInput(CustomerField, language.Pick("Customer", "Cliente"), 200)
            {
                Placeholder = language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"),
                Value = customerQuery,
            },
            new CardTextInput(TitleField, language.Pick("What is the problem?", "¿Cuál es el problema?"), SupportCase.MaxTitleLength)
            {
                Placeholder = language.Pick("Printer offline, urgent", "Impresora sin conexión, urgente"),
            },
            new CardText(language.Pick(
                "Words like \"urgent\" or \"high priority\" in the title set the priority; you can change it on the case afterwards.",
                "Palabras como \"urgente\" o \"prioridad alta\" en el título fijan la prioridad; puedes cambiarla después en el caso."), TextEmphasis.Subtle),
        ];
        var open = new CardButton(language.Pick("Open case", "Abrir caso"), CasesCommand.OpenVerb, new Dictionary<string, string>()) { SubmitsInputs = true };
        return new Card(language.Pick("New case", "Nuevo caso"), body, [open]);
    }
}
