using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>One batch of generated customers with everything that hangs off them, written in one transaction.</summary>
internal sealed record SeedChunk(
    List<Customer> Customers,
    List<CustomerIdentity> Identities,
    List<Interaction> Interactions,
    List<Order> Orders,
    List<ConsentRecord> Consents)
{
    /// <summary>The chunk with its customers' rows in the word and pair indexes (see <see cref="BulkSearchIndex"/>).</summary>
    public static SeedChunk Indexed(SeedChunk chunk, BulkSearchIndex index)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(index);
        var rows = index.RowsFor(chunk.Customers);
        return chunk with { SearchTerms = rows.Terms, SearchPairs = rows.Pairs, SearchWordVariants = rows.WordVariants };
    }

    /// <summary>The chunk's customers in the word index.</summary>
    public IReadOnlyList<CustomerSearchTerm> SearchTerms { get; init; } = [];

    /// <summary>The chunk's customers in the pair index.</summary>
    public IReadOnlyList<CustomerSearchPair> SearchPairs { get; init; } = [];

    /// <summary>The vocabulary rows of the words this chunk is the first to use.</summary>
    public IReadOnlyList<SearchWordVariant> SearchWordVariants { get; init; } = [];

    /// <summary>Past offer cards, answered (see <see cref="OfferHistoryGenerator"/>).</summary>
    public List<OfferPresentation> OfferPresentations { get; } = [];

    public List<OfferAnswer> OfferAnswers { get; } = [];
}
