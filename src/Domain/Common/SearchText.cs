using System.Globalization;
using System.Text;

namespace ChatCrm.Domain.Common;

/// <summary>
/// Folds text for matching only: lower case, accents removed ("Núñez" → "nunez", "ñ" → "n"),
/// punctuation turned into spaces, runs of spaces collapsed. Display always keeps the original.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c) || c is '@' or '+')
            {
                if (pendingSpace && folded.Length > 0)
                    folded.Append(' ');
                pendingSpace = false;
                folded.Append(char.ToLowerInvariant(FoldLigature(c)));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return folded.ToString();
    }

    /// <summary>The folded words of a query, each at least one character, in order and without repeats.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    private static char FoldLigature(char c) => c switch
    {
        'ø' or 'Ø' => 'o',
        'ł' or 'Ł' => 'l',
        'đ' or 'Đ' => 'd',
        _ => c,
    };
}
