namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// The symmetric-delete idea (SymSpell): two words are within <c>d</c> slips only if deleting at most
/// <c>d</c> letters from each gives the same string ("nunes" and "nunez" both give "nune"). So the index keeps,
/// for every known word, the strings it gives with up to <see cref="TypoDistance.Allowed(int)"/> deletions,
/// and a typed word finds its neighbours by looking up its own deletions: a handful of index seeks instead of
/// comparing it with every word. The candidates this yields are then checked with <see cref="TypoDistance"/>.
/// </summary>
public static class DeleteVariants
{
    /// <summary>
    /// The word itself and every distinct string made by deleting up to
    /// <see cref="TypoDistance.Allowed(int)"/> of its letters (for "ana", only "ana"). Never empty strings.
    /// </summary>
    public static IReadOnlySet<string> Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Of(word, TypoDistance.Allowed(word.Length));
    }

    /// <summary>The word itself and every distinct non-empty string made by deleting up to <paramref name="deletions"/> letters.</summary>
    public static IReadOnlySet<string> Of(string word, int deletions)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentOutOfRangeException.ThrowIfNegative(deletions);
        var variants = new HashSet<string>(StringComparer.Ordinal);
        if (word.Length == 0)
            return variants;
        variants.Add(word);
        var frontier = new List<string> { word };
        for (var round = 0; round < deletions; round++)
        {
            var next = new List<string>();
            foreach (var text in frontier)
            {
                if (text.Length <= 1)
                    continue;
                for (var i = 0; i < text.Length; i++)
                {
                    var shorter = string.Concat(text.AsSpan(0, i), text.AsSpan(i + 1));
                    if (variants.Add(shorter))
                        next.Add(shorter);
                }
            }
            frontier = next;
        }
        return variants;
    }
}
