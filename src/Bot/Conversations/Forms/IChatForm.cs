using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Conversations.Forms;

/// <summary>
/// A form a person fills in at once and submits (on Slack, a modal), defined and checked by the feature it belongs to.
/// The channel adapter only renders the form's <see cref="Card"/>, carries the values back and answers with the errors
/// (each under its field) or hands the resulting turn to the conversation: one definition and one check per form,
/// whatever renders it. Registered with <see cref="ChatFormServiceCollectionExtensions.AddChatForm{T}"/>.
/// </summary>
public interface IChatForm
{
    /// <summary>The form's name ("log", "case-new", "case-edit"), by which a channel finds it again on submission.</summary>
    string Name { get; }

    /// <summary>The field under which a problem with the whole form (the person is unknown, may not use it) is shown.</summary>
    string GeneralField { get; }

    /// <summary>The verb of a card button whose press opens this form where forms can be shown (a Slack modal), if any.</summary>
    string? OpenVerb { get; }

    /// <summary>
    /// The chat tool's shortcuts that open this form outside any conversation (Slack's shortcut menu, a message's menu),
    /// by the ids the app's manifest gives them; none unless the form says so.
    /// </summary>
    IReadOnlyList<ChatShortcut> Shortcuts => [];

    /// <summary>
    /// When a typed command asks for this form (e.g. "case new &lt;customer&gt;" without a title), the arguments it opens
    /// with; null when the command is not for it (or the form is not opened from a command).
    /// </summary>
    IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command);

    /// <summary>
    /// Why this person may not use the form at all (their role), in their language, or null when they may. Said before
    /// they fill it in where there is no conversation to answer in (a Slack shortcut).
    /// </summary>
    string? RefusalFor(TurnContext context) => null;

    /// <summary>
    /// The form for this person, built from <paramref name="arguments"/> (what is already known: a button's data, a typed
    /// customer, the message a shortcut was used on — see <see cref="ChatFormArguments"/>), or null when it cannot be
    /// shown to them (the channel then lets the conversation answer why).
    /// </summary>
    Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments);

    /// <summary>Checks a submission (reads only): errors by field name, or the turn that does the work.</summary>
    /// <param name="state">What the form carried from <see cref="ChatFormView.State"/>.</param>
    Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state);
}

/// <summary>
/// A form to show: the card that defines it, and the state it carries to its submission (what it was built from).
/// <see cref="Fallback"/> is the typed command that starts the same in chat, for when the channel cannot show the form
/// (Slack refused or was slow to open the modal).
/// </summary>
public sealed record ChatFormView(Card Form, string? State = null)
{
    public string? Fallback { get; init; }
}

/// <summary>A shortcut that opens a form: its id (Slack: the manifest's <c>callback_id</c>) and whether it is used on a message.</summary>
public sealed record ChatShortcut(string Id, bool OnMessage);

/// <summary>
/// The arguments a channel passes to <see cref="IChatForm.OpenAsync"/> besides the form's own fields: the message a
/// shortcut was used on. Their names cannot clash with a field's (they contain a dot).
/// </summary>
public static class ChatFormArguments
{
    /// <summary>The message's text as a person reads it (the chat tool's markup and mentions removed).</summary>
    public const string MessageText = "message.text";

    /// <summary>Who wrote the message, as the chat tool identifies a person (<see cref="ChatUser.ChannelUserId"/>; Slack: TEAM:USER).</summary>
    public const string MessageAuthor = "message.author";
}

/// <summary>
/// What a submission comes to: errors by field name (the form stays open with them), or the turn to run — typed
/// <see cref="Text"/> or a card <see cref="Action"/> — answered in the person's direct conversation.
/// </summary>
public sealed record ChatFormOutcome(IReadOnlyDictionary<string, string> Errors, string? Text = null, CardAction? Action = null)
{
    public bool IsValid => Errors.Count == 0;

    public static ChatFormOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(errors);

    public static ChatFormOutcome Invalid(string field, string message) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });

    public static ChatFormOutcome Run(string text) => new(new Dictionary<string, string>(), Text: text);

    public static ChatFormOutcome Act(string verb, IReadOnlyDictionary<string, string> values) =>
        new(new Dictionary<string, string>(), Action: new CardAction(verb, values));
}

public static class ChatFormServiceCollectionExtensions
{
    public static IServiceCollection AddChatForm<TForm>(this IServiceCollection services) where TForm : class, IChatForm =>
        services.AddScoped<IChatForm, TForm>();
}
