using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>
/// The settings form as a form a channel can show on its own (Slack: a modal opened by "/crm settings" or by "Change
/// again"): the card of <see cref="SettingsCards.Form"/>, checked by <see cref="SettingsInput.Check"/> — the same
/// check the Save press runs — each problem under its field. A valid submission becomes the Save press.
/// </summary>
public sealed class SettingsChatForm(TimeProvider time) : IChatForm
{
    public const string FormName = "settings";

    public string Name => FormName;

    public string GeneralField => SettingsCards.TimeZone;

    public string? OpenVerb => SettingsCommand.OpenVerb;

    /// <summary>"settings" alone opens the form; a typed change ("settings timezone Madrid") is done in chat.</summary>
    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb == SettingsCommand.Spec.Verb && SettingsRequest.Parse(command.Argument) is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : null;
    }

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<ChatFormView?>(new ChatFormView(SettingsCards.Form(context.User, time.GetUtcNow(), context.Language))
        {
            Fallback = "settings",
        });
    }

    public Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var input = new SettingsInput(Value(SettingsCards.TimeZone), Value(SettingsCards.Language));
        var (_, _, errors) = input.Check(context.Language);
        return Task.FromResult(errors.Count > 0
            ? ChatFormOutcome.Invalid(errors)
            : ChatFormOutcome.Act(SettingsCommand.SaveVerb, values));
    }
}
