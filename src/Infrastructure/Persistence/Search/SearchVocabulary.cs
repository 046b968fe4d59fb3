using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>What the index stores for a word, and the keys under which a typed word looks for its matches.</summary>
internal static class SearchVocabulary
{
    /// <summary>
    /// Shortest word in the pair index. Shorter words are only ever matched exactly (no slip is allowed in them and
    /// no unfinished word is that short), so a search involving one simply does not use the pairs.
    /// </summary>
    public const int MinPairWordLength = 3;

    /// <summary>The rows that make <paramref name="word"/> findable: itself, its deletions, its beginnings.</summary>
    public static IEnumerable<SearchWordVariant> RowsFor(string word)
    {
        var keys = new HashSet<string>(DeleteVariants.Of(word), StringComparer.Ordinal);
        for (var length = WordMatch.MinPrefixLength; length < word.Length; length++)
            keys.Add(word[..length]);
        return keys.Select(key => new SearchWordVariant(key, word));
    }

    /// <summary>The keys a typed word is looked up under: itself and its deletions (which also catch beginnings of words).</summary>
    public static IReadOnlySet<string> LookupKeys(string typed) => DeleteVariants.Of(IndexedWords.Trim(typed));

    /// <summary>The rows of the word index for one customer: its words, or the one empty word when it has none.</summary>
    public static IEnumerable<CustomerSearchTerm> TermsFor(Domain.Customers.CustomerId customerId, IReadOnlySet<string> words) =>
        words.Count == 0
            ? [new CustomerSearchTerm(CustomerSearchTerm.NoWords, customerId)]
            : words.Select(word => new CustomerSearchTerm(word, customerId));

    /// <summary>
    /// The rows of the pair index for one customer: each two of its words of <see cref="MinPairWordLength"/> letters
    /// or more, in ordinal order, or the one row of empty words when it has no such pair.
    /// </summary>
    public static IEnumerable<CustomerSearchPair> PairsFor(Domain.Customers.CustomerId customerId, IReadOnlySet<string> words)
    {
        var paired = words.Where(w => w.Length >= MinPairWordLength).Order(StringComparer.Ordinal).ToList();
        if (paired.Count < 2)
            return [new CustomerSearchPair(CustomerSearchPair.NoPairs, CustomerSearchPair.NoPairs, customerId)];
        var pairs = new List<CustomerSearchPair>(paired.Count * (paired.Count - 1) / 2);
        for (var i = 0; i < paired.Count; i++)
        {
            for (var j = i + 1; j < paired.Count; j++)
                pairs.Add(new CustomerSearchPair(paired[i], paired[j], customerId));
        }
        return pairs;
    }
}
