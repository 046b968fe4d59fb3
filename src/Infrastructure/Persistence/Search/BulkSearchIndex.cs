using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// The word index and pair index rows of new customers written in bulk (the seeder, the import): the context's save
/// hook (<see cref="SearchIndexUpkeep"/>) sees only tracked changes, so bulk writers index their customers with this.
/// Remembers the vocabulary already in the database or in an earlier batch, so each new word's variants are written
/// once. Batches are indexed one at a time.
/// </summary>
internal sealed class BulkSearchIndex(IEnumerable<string> knownWords)
{
    private readonly HashSet<string> _knownWords = new(knownWords, StringComparer.Ordinal);

    /// <summary>The index as it stands: every word whose variants are in the vocabulary.</summary>
    public static async Task<BulkSearchIndex> LoadAsync(CrmDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var words = await db.SearchWordVariants.Where(v => v.Variant == v.Word).Select(v => v.Word).ToListAsync(ct);
        return new BulkSearchIndex(words);
    }

    public BulkSearchRows RowsFor(IReadOnlyCollection<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var terms = new List<CustomerSearchTerm>(customers.Count * 4);
        var variants = new List<SearchWordVariant>();
        var pairs = new List<CustomerSearchPair>(customers.Count * 12);
        foreach (var customer in customers)
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
        return new BulkSearchRows(terms, pairs, variants);
    }
}

/// <summary>The index rows of a batch of new customers: their words, their word pairs, and the variants of words new to the vocabulary.</summary>
internal sealed record BulkSearchRows(
    IReadOnlyList<CustomerSearchTerm> Terms,
    IReadOnlyList<CustomerSearchPair> Pairs,
    IReadOnlyList<SearchWordVariant> WordVariants);
