using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>Reads typed answers to dialog questions, in English or Spanish, accents ignored.</summary>
public static partial class AnswerParsers
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy"];

    private static readonly Dictionary<string, InteractionKind> KindWords = new(StringComparer.Ordinal)
    {
        ["call"] = InteractionKind.Call,
        ["phone"] = InteractionKind.Call,
        ["llamada"] = InteractionKind.Call,
        ["visit"] = InteractionKind.Visit,
        ["visita"] = InteractionKind.Visit,
        ["meeting"] = InteractionKind.Meeting,
        ["reunion"] = InteractionKind.Meeting,
        ["email"] = InteractionKind.Email,
        ["e mail"] = InteractionKind.Email,
        ["mail"] = InteractionKind.Email,
        ["correo"] = InteractionKind.Email,
        ["chat"] = InteractionKind.Chat,
        ["mensaje"] = InteractionKind.Chat,
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal) { "no", "none", "skip", "nothing", "ninguno", "ninguna", "omitir", "nada" };

    public static InteractionKind? Kind(string? text)
    {
        var folded = SearchText.Fold(text);
        if (KindWords.TryGetValue(folded, out var kind))
            return kind;
        return Enum.TryParse<InteractionKind>(folded, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
    }

    /// <summary>"skip", "no", "-" and their Spanish equivalents mean "nothing to add".</summary>
    public static bool MeansNothing(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed == "-" || NoWords.Contains(SearchText.Fold(trimmed));
    }

    /// <summary>A date as typed: ISO or day-first, "today", "tomorrow", "in 3 days", "next week" (or Spanish), relative to <paramref name="today"/>.</summary>
    public static DateOnly? Date(string? text, DateOnly today)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            return exact;

        var folded = SearchText.Fold(trimmed);
        switch (folded)
        {
            case "today" or "hoy":
                return today;
            case "tomorrow" or "manana":
                return today.AddDays(1);
            case "next week" or "la semana que viene" or "la proxima semana" or "proxima semana":
                return today.AddDays(7);
        }

        var relative = InDays().Match(folded);
        if (relative.Success && int.TryParse(relative.Groups["n"].Value, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3650)
            return relative.Groups["unit"].Value.StartsWith('w') || relative.Groups["unit"].Value.StartsWith('s')
                ? today.AddDays(days * 7)
                : today.AddDays(days);
        return null;
    }

    [GeneratedRegex(@"^(in|en) (?<n>\d{1,4}) (?<unit>days?|dias?|weeks?|semanas?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InDays();
}
