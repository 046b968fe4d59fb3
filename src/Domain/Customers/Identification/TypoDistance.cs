namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// How far apart two folded words are, counted in typing slips: a letter left out, one too many, a wrong
/// letter, or two neighbours swapped ("nuenz" for "nunez") each count one (optimal string alignment
/// Damerau–Levenshtein distance). Searches only care whether a word is within a small distance, so the
/// computation stops as soon as it knows the answer is beyond the limit.
/// </summary>
public static class TypoDistance
{
    /// <summary>Words longer than this are not given typo tolerance: their variants would be too many to index.</summary>
    public const int MaxTolerantLength = 24;

    /// <summary>
    /// How many slips a word of <paramref name="length"/> letters may carry and still count as the same word:
    /// none up to 3 letters (one slip in "ana" already gives "eva", "ama", "an": other names, not typos),
    /// one for 4–5 letters ("nunes" → "nunez", "jaun" → "juan"), two from 6 letters ("gonsales" →
    /// "gonzalez"). Beyond that, words of different people start to meet: "maria" and "mario" are one slip
    /// apart, which is why a slip costs confidence and never wins over an exact word.
    /// </summary>
    public static int Allowed(int length) => length switch
    {
        <= 3 => 0,
        <= 5 => 1,
        _ when length > MaxTolerantLength => 0,
        _ => 2,
    };

    /// <summary>The slips allowed between two words: those allowed for the shorter one, so the rule is symmetric.</summary>
    public static int Allowed(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Allowed(Math.Min(first.Length, second.Length));
    }

    /// <summary>
    /// The distance between <paramref name="first"/> and <paramref name="second"/> when it is at most
    /// <paramref name="max"/>; otherwise <paramref name="max"/> + 1 (the exact value beyond the limit is not computed).
    /// </summary>
    public static int Within(string first, string second, int max)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (Math.Abs(first.Length - second.Length) > max)
            return max + 1;
        if (first.Length == 0 || second.Length == 0)
            return Math.Max(first.Length, second.Length);

        // Three rows of the dynamic-programming table: two back (for swaps), the previous one and the current one.
        var width = second.Length + 1;
        var twoBack = new int[width];
        var previous = new int[width];
        var current = new int[width];
        for (var j = 0; j < width; j++)
            previous[j] = j;

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = first[i - 1] == second[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && first[i - 1] == second[j - 2] && first[i - 2] == second[j - 1])
                    value = Math.Min(value, twoBack[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            // Every later cell is at least the smallest of this row (or the one before, via a swap): stop early.
            if (rowMinimum > max && (i == 1 || previous.Min() > max))
                return max + 1;
            (twoBack, previous, current) = (previous, current, twoBack);
        }
        return Math.Min(previous[width - 1], max + 1);
    }
}
