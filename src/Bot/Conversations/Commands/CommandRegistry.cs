using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>One registered command, card action or dialog: what it answers to and the handler type that serves it.</summary>
public sealed record CommandRegistration(CommandSpec Spec, Type Handler);

public sealed record CardActionRegistration(IReadOnlyList<string> Verbs, bool SettlesChoice, Func<CardAction, bool> RetriesAfterConflict, Type Handler);

public sealed record DialogRegistration(string Name, Type Handler);

/// <summary>
/// Every command, card action and dialog the features registered, looked up by word or verb. Built once at start-up;
/// a word or verb claimed twice stops start-up, so each is defined in exactly one place.
/// </summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, CommandRegistration> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandRegistration> _byVerb = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CardActionRegistration> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialogRegistration> _dialogs = new(StringComparer.Ordinal);

    public CommandRegistry(IEnumerable<CommandRegistration> commands, IEnumerable<CardActionRegistration> actions, IEnumerable<DialogRegistration> dialogs)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(dialogs);
        foreach (var command in commands)
        {
            Claim(_byVerb, command.Spec.Verb, command, "command verb");
            foreach (var word in command.Spec.Words)
                Claim(_byWord, Fold(word), command, "command word");
        }
        foreach (var action in actions)
        {
            foreach (var verb in action.Verbs)
            {
                if (_byVerb.ContainsKey(verb))
                    throw new InvalidOperationException($"The card action verb '{verb}' is also a command verb.");
                Claim(_actions, verb, action, "card action verb");
            }
        }
        foreach (var dialog in dialogs)
            Claim(_dialogs, dialog.Name, dialog, "dialog name");
    }

    public IReadOnlyCollection<CommandRegistration> Commands => _byVerb.Values;

    /// <summary>Reads a typed command: its first word (accents and case ignored) and the rest; null when it is none.</summary>
    public ParsedCommand? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return null;
        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        var first = space < 0 ? trimmed : trimmed[..space];
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        return _byWord.TryGetValue(Fold(first), out var command) ? new ParsedCommand(command.Spec, rest) : null;
    }

    public CommandRegistration? Command(string verb) => _byVerb.GetValueOrDefault(verb);

    public CardActionRegistration? Action(string verb) => _actions.GetValueOrDefault(verb);

    public DialogRegistration? Dialog(string name) => _dialogs.GetValueOrDefault(name);

    private static string Fold(string word) => word == "?" ? word : SearchText.Fold(word);

    private static void Claim<T>(Dictionary<string, T> map, string key, T value, string what)
    {
        if (!map.TryAdd(key, value))
            throw new InvalidOperationException($"The {what} '{key}' is registered twice.");
    }
}
