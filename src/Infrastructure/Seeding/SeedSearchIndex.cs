using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// The word index (and pair index) rows of generated customers, written in bulk with them (the save hook of the context does not
/// see bulk writes). Remembers the vocabulary already in the database or in an earlier chunk, so each new word's
/// variants are written once. Chunks are indexed one at a time, in order.
/// </summary>
internal sealed class SeedSearchIndex(IEnumerable<string> knownWords)
{
    private readonly HashSet<string> _knownWords = new(knownWords, StringComparer.Ordinal);

    public SeedChunk Index(SeedChunk chunk)
    {
        var terms = new List<CustomerSearchTerm>(chunk.Customers.Count * 4);
        var variants = new List<SearchWordVariant>();
        var pairs = new List<CustomerSearchPair>(chunk.Customers.Count * 12);
        foreach (var customer in chunk.Customers)
        {
            var words = IndexedWords.Of(customer);
            terms.AddRange(SearchVocabulary.TermsFor(customer.Id, words));
            pairs.AddRange(SearchVocabulary.PairsFor(customer.Id, words));
            foreach (var word in words)
            {
                if (_knownWords.Add(word))
                    variants.AddRange(SearchVocabulary.RowsFor(word));
            }
        }
        return chunk with { SearchTerms = terms, SearchPairs = pairs, SearchWordVariants = variants };
    }
}
