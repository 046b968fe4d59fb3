using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Orders;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// What a rep records that a customer said: consent <see cref="Granted"/> or withdrawn for a purpose on a channel, how
/// they said it (null when the typed command did not say), on a day in the rep's time zone.
/// </summary>
public sealed record ConsentChange(ConsentPurpose Purpose, ContactChannel Channel, bool Granted, ConsentExpression? How, DateOnly On);

/// <summary>
/// Reads a consent change from the form's fields or from the typed words after the customer, with each problem in
/// the reader's language under the field it is about: unknown words, a day that cannot be read or is after today.
/// </summary>
public static class ConsentChangeReader
{
    public const string ActionField = "action";
    public const string PurposeField = "purpose";
    public const string ChannelField = "channel";
    public const string HowField = "how";
    public const string DateField = "date";

    /// <summary>The form's values (as the form sends them, or typed words), or the problems by field.</summary>
    public static (ConsentChange? Change, IReadOnlyDictionary<string, string> Errors) FromValues(
        IReadOnlyDictionary<string, string> values, DateOnly today, LanguageCode language, bool howRequired = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string Text(string field) => values.TryGetValue(field, out var value) ? value.Trim() : string.Empty;

        var granted = Read(Text(ActionField), ConsentChangeWords.Action, ActionField, language, errors);
        var purpose = Read(Text(PurposeField), w => Enum.TryParse<ConsentPurpose>(w, out var p) && Enum.IsDefined(p) ? p : ConsentChangeWords.Purpose(w),
            PurposeField, language, errors);
        var channel = Read(Text(ChannelField), w => Enum.TryParse<ContactChannel>(w, out var c) && Enum.IsDefined(c) ? c : ConsentChangeWords.Channel(w),
            ChannelField, language, errors);
        ConsentExpression? how = null;
        if (Text(HowField).Length > 0 || howRequired)
            how = Read(Text(HowField), w => Enum.TryParse<ConsentExpression>(w, out var h) && Enum.IsDefined(h) ? h : ConsentChangeWords.Expression(w),
                HowField, language, errors);

        var dayText = Text(DateField);
        var day = dayText.Length == 0 ? today : ConsentChangeWords.Day(dayText, today);
        if (day is null)
            errors[DateField] = language.Pick($"\"{Cut(dayText)}\" is not a date I can read: write it as 2026-12-01 (or today, yesterday).",
                $"\"{Cut(dayText)}\" no es una fecha que entienda: escríbela como 01/12/2026 (o hoy, ayer).");
        else if (day.Value.Year < OrderPlausibility.EarliestYear)
            errors[DateField] = language.Pick($"{Dates.Day(day.Value)} is too long ago to be right: check the year.",
                $"{Dates.Day(day.Value)} es demasiado antigua para ser correcta: revisa el año.");
        else if (day > today)
            errors[DateField] = language.Pick($"{Dates.Day(day.Value)} is in the future: record what the customer has already said (today is {Dates.Day(today)}).",
                $"{Dates.Day(day.Value)} es una fecha futura: registra lo que el cliente ya ha dicho (hoy es {Dates.Day(today)}).");

        return errors.Count > 0
            ? (null, errors)
            : (new ConsentChange(purpose!.Value, channel!.Value, granted!.Value, how, day!.Value), errors);
    }

    /// <summary>
    /// The typed form, "&lt;customer&gt; withdraw marketing email [call] [2026-12-01]": the customer words before the last
    /// grant/withdraw word, and the change after it; null when there is no such word (the customer alone was named).
    /// </summary>
    public static (string Customer, Dictionary<string, string> Values)? Split(string? argument)
    {
        var words = (argument ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var at = Array.FindLastIndex(words, w => ConsentChangeWords.Action(w) is not null);
        if (at < 0)
            return null;
        var rest = words[(at + 1)..];
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [ActionField] = words[at] };
        if (rest.Length > 0)
            values[PurposeField] = rest[0];
        if (rest.Length > 1)
            values[ChannelField] = rest[1];
        var more = rest.Length > 2 ? rest[2..] : [];
        // The last word is the day when it reads as one ("withdraw marketing email call 2026-12-01"); the rest says how ("in person").
        if (more.Length > 0 && (ConsentChangeWords.Day(more[^1], AnyDay) is not null || LooksLikeADate(more[^1])))
        {
            values[DateField] = more[^1];
            more = more[..^1];
        }
        if (more.Length > 0)
            values[HowField] = string.Join(' ', more);
        return (string.Join(' ', words[..at]), values);
    }

    private static T? Read<T>(string text, Func<string, T?> parse, string field, LanguageCode language, Dictionary<string, string> errors) where T : struct
    {
        var value = text.Length == 0 ? null : parse(text);
        if (value is null)
        {
            var known = ConsentChangeWords.Known(language, field);
            errors[field] = text.Length == 0
                ? language.Pick($"Choose one: {known}.", $"Elige uno: {known}.")
                : language.Pick($"\"{Cut(text)}\" is not a word I know here: use {known}.", $"\"{Cut(text)}\" no es una palabra que conozca aquí: usa {known}.");
        }
        return value;
    }

    /// <summary>A day to read "yesterday" against when only whether a word is a day matters.</summary>
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    private static bool LooksLikeADate(string word) => word.Any(char.IsDigit);

    private static string Cut(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
