using System.Globalization;

namespace ChatCrm.Domain.Customers.Identification;

/// <summary>How a typed word met a word of the customer.</summary>
public enum WordMatchKind
{
    Exact = 1,

    /// <summary>The typed word is the start of the customer's word ("nune" for "nunez"): a word not finished.</summary>
    Prefix = 2,

    /// <summary>The typed word is within the allowed slips of the customer's word ("nunes" for "nunez").</summary>
    Typo = 3,
}

/// <summary>
/// A typed word matched to one word of a customer, with the weight that match carries. An exact word weighs 1;
/// an unfinished word a little less the less of it was typed; a slip 0.8 and two slips 0.65, so that a
/// customer matching every word exactly always stays clearly ahead of one matching with a slip.
/// </summary>
public sealed record WordMatch(string Typed, string Matched, WordMatchKind Kind, int Slips)
{
    /// <summary>Shortest unfinished word taken as the start of a longer one: "ma" would match half the customers.</summary>
    public const int MinPrefixLength = 3;

    public const double OneSlipWeight = 0.8;
    public const double TwoSlipsWeight = 0.65;

    public double Weight => Kind switch
    {
        WordMatchKind.Exact => 1.0,
        WordMatchKind.Prefix => 0.6 + (0.3 * Typed.Length / Matched.Length),
        _ => Slips <= 1 ? OneSlipWeight : TwoSlipsWeight,
    };

    /// <summary>How the match reads on a choice card ("nunes (1 typo)", "nune…").</summary>
    public string Describe() => Kind switch
    {
        WordMatchKind.Exact => Typed,
        WordMatchKind.Prefix => Typed + "…",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Typed} ({Slips} typo{(Slips == 1 ? "" : "s")})"),
    };

    /// <summary>How <paramref name="typed"/> meets <paramref name="word"/>, or null when it does not.</summary>
    public static WordMatch? Of(string typed, string word)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(word);
        if (typed.Length == 0 || word.Length == 0)
            return null;
        if (string.Equals(typed, word, StringComparison.Ordinal))
            return new WordMatch(typed, word, WordMatchKind.Exact, 0);
        var allowed = TypoDistance.Allowed(typed, word);
        var slips = allowed == 0 ? 1 : TypoDistance.Within(typed, word, allowed);
        var typo = slips <= allowed ? new WordMatch(typed, word, WordMatchKind.Typo, slips) : null;
        var prefix = typed.Length >= MinPrefixLength && word.StartsWith(typed, StringComparison.Ordinal)
            ? new WordMatch(typed, word, WordMatchKind.Prefix, 0)
            : null;
        if (typo is null)
            return prefix;
        return prefix is null || typo.Weight >= prefix.Weight ? typo : prefix;
    }

    /// <summary>The best match of <paramref name="typed"/> among <paramref name="words"/>, or null when none matches.</summary>
    public static WordMatch? Best(string typed, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        WordMatch? best = null;
        foreach (var word in words)
        {
            var match = Of(typed, word);
            if (match is not null && (best is null || match.Weight > best.Weight))
                best = match;
            if (best?.Kind == WordMatchKind.Exact)
                break;
        }
        return best;
    }
}
