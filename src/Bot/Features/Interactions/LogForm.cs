using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// The "log" dialog as one form (a Teams card, a Slack modal): the field names, shared by the forms' renderers and
/// their validation, so an error lands on the field that caused it.
/// </summary>
public static class LogForm
{
    public const string Customer = "customer";
    public const string Kind = "kind";
    public const string Channel = "channel";
    public const string Date = "date";
    public const string Summary = "summary";
    public const string Outcome = "outcome";
    public const string FollowUp = "followUp";

    /// <summary>
    /// The id a form is rendered with (a new one each time it is shown). Storing a form records it, and a second
    /// submission of the same id finds the first one's interaction instead of logging another.
    /// </summary>
    public const string FormId = "formId";

    /// <summary>The verb of a log form handed to the <see cref="ConversationEngine"/> to check and store.</summary>
    public const string SubmitVerb = "logForm";

    /// <summary>The verb that shows an empty log form (the customer card's "Log interaction", or typing "log form").</summary>
    public const string OpenVerb = CustomerVerbs.LogForm;

    /// <summary>"log form [customer]" (or "registrar formulario …"): the one-card form instead of the step-by-step dialog.</summary>
    public static bool IsFormRequest(string? argument, out string? customerText)
    {
        customerText = null;
        var trimmed = argument?.Trim() ?? string.Empty;
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var first = SearchText.Fold(space < 0 ? trimmed : trimmed[..space]);
        if (first is not ("form" or "formulario"))
            return false;
        customerText = space < 0 ? null : trimmed[(space + 1)..].Trim();
        return true;
    }

    /// <summary>The values of a valid entry as a card action carries them (customer id, ISO dates, enum names).</summary>
    public static IReadOnlyDictionary<string, string> ToValues(LogFormEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Customer] = entry.CustomerId.Value.ToString(),
            [Kind] = entry.Kind.ToString(),
            [Summary] = entry.Summary,
        };
        if (entry.Outcome is { } outcome)
            values[Outcome] = outcome;
        if (entry.FollowUp is { } followUp)
            values[FollowUp] = followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (entry.Channel is { } channel)
            values[Channel] = channel.ToString();
        if (entry.OccurredOn is { } date)
            values[Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The form's values as a modal submits them (keyed by field name), unchecked and as typed.</summary>
    public static LogFormInput Input(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string id) => values.TryGetValue(id, out var value) ? value : null;
        return new LogFormInput(Value(Customer), Value(Kind), Value(Summary), Value(Outcome), Value(FollowUp), Value(Channel), Value(Date));
    }

    /// <summary>The form's values as a card action or modal carries them, unchecked.</summary>
    public static LogFormInput Input(CardAction? action) => new(
        action?.Value(Customer), action?.Value(Kind), action?.Value(Summary), action?.Value(Outcome), action?.Value(FollowUp),
        action?.Value(Channel), action?.Value(Date));
}

/// <summary>What a person typed into the log form, field by field, unchecked. Channel and date are optional everywhere.</summary>
public sealed record LogFormInput(string? Customer, string? Kind, string? Summary, string? Outcome, string? FollowUp,
    string? Channel = null, string? Date = null);

/// <summary>
/// A form that passed every check: the interaction can be logged as it stands. Without a <see cref="Channel"/> the
/// kind's usual channel applies; without a date (<see cref="OccurredOn"/>) it happened now.
/// </summary>
public sealed record LogFormEntry(CustomerId CustomerId, InteractionKind Kind, string Summary, string? Outcome, DateOnly? FollowUp,
    InteractionChannel? Channel = null, DateOnly? OccurredOn = null)
{
    /// <summary>When it happened: now for today (or no date), midday in <paramref name="zone"/> for an earlier day.</summary>
    public DateTimeOffset OccurredAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (OccurredOn is not { } day || day >= today)
            return now;
        var midday = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(midday, zone.GetUtcOffset(midday)).ToUniversalTime();
    }
}

/// <summary>Either a valid entry, or one message per field that is wrong (keyed by the <see cref="LogForm"/> field names).</summary>
public sealed record LogFormDecision(LogFormEntry? Entry, IReadOnlyDictionary<string, LocalizedText> Errors)
{
    public bool IsValid => Entry is not null;

    /// <summary>The errors in the reader's language.</summary>
    public IReadOnlyDictionary<string, string> ErrorsIn(LanguageCode language) =>
        Errors.ToDictionary(e => e.Key, e => e.Value.In(language), StringComparer.Ordinal);
}
