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
    /// When a typed command asks for this form (e.g. "case new &lt;customer&gt;" without a title), the arguments it opens
    /// with; null when the command is not for it (or the form is not opened from a command).
    /// </summary>
    IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command);

    /// <summary>
    /// The form for this person, built from <paramref name="arguments"/> (what is already known: a button's data, a typed
    /// customer), or null when it cannot be shown to them (the channel then lets the conversation answer why).
    /// </summary>
    Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments);

    /// <summary>Checks a submission (reads only): errors by field name, or the turn that does the work.</summary>
    /// <param name="state">What the form carried from <see cref="ChatFormView.State"/>.</param>
    Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state);
}

/// <summary>A form to show: the card that defines it, and the state it carries to its submission (what it was built from).</summary>
public sealed record ChatFormView(Card Form, string? State = null);

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
