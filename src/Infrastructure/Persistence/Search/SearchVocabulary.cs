using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>What the index stores for a word, and the keys under which a typed word looks for its matches.</summary>
internal static class SearchVocabulary
{
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
}
