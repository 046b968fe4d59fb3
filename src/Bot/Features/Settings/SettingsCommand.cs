using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>
/// "settings" / "ajustes": the person's time zone and language, shown as a form (on Slack a modal, see
/// <see cref="SettingsChatForm"/>) and changed by it or typed ("settings timezone Madrid", "ajustes idioma en"). A
/// choice made here wins over what the chat client reports. A change with a value that is not understood saves
/// nothing and says why, in the reader's language; a saved one is audited (the zone id and language code only).
/// </summary>
public sealed class SettingsCommand(AuditTrail audit, TimeProvider time) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("settings", ["settings", "preferences"], ["ajustes", "preferencias"]);

    public const string SaveVerb = "settingsSave";
    public const string OpenVerb = "settingsOpen";

    public static IReadOnlyList<string> ActionVerbs { get; } = [SaveVerb, OpenVerb];

    public Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SettingsRequest.Parse(argument) is { } change)
            Apply(context, change, showFormOnError: false);
        else
            context.Show(SettingsCards.Form(context.User, time.GetUtcNow(), context.Language));
        return Task.FromResult(state);
    }

    public Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (action.Verb == SaveVerb)
            Apply(context, new SettingsInput(action.Value(SettingsCards.TimeZone), action.Value(SettingsCards.Language)), showFormOnError: true);
        else
            context.Show(SettingsCards.Form(context.User, time.GetUtcNow(), context.Language));
        return Task.CompletedTask;
    }

    /// <summary>Checks everything first; only when all of it is understood is anything changed.</summary>
    private void Apply(TurnContext context, SettingsInput input, bool showFormOnError)
    {
        var user = context.User;
        var (zone, locale, errors) = input.Check(context.Language);
        if (errors.Count > 0)
        {
            if (showFormOnError)
                context.Show(SettingsCards.Form(user, time.GetUtcNow(), context.Language, input, errors));
            else
                context.Say(string.Join(" ", errors.Values));
            return;
        }
        var changes = new List<string>();
        if (zone is not null && (zone != user.TimeZone || user.TimeZoneSource != PreferenceSource.Person))
        {
            changes.Add($"time zone: {user.TimeZone} -> {zone}");
            user.ChooseTimeZone(zone);
        }
        if (locale is not null && (locale != user.Locale || user.LocaleSource != PreferenceSource.Person))
        {
            changes.Add($"language: {user.Locale} -> {locale}");
            user.ChooseLocale(locale);
        }
        if (changes.Count > 0)
            audit.Record(context, AuditAction.DirectoryChanged, $"own settings: {string.Join("; ", changes)}");
        context.Show(SettingsCards.Saved(user, time.GetUtcNow(), changes.Count > 0, context.Language));
    }
}
