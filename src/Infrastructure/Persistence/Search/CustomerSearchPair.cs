using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// One row of the word-pair index: a customer has both of these folded words in its name or company. A search
/// for two common words ("maria garcia") reads the customers of the pair, instead of walking the thousands of
/// customers of one word and probing each for the other: the rows read grow with the customers that share
/// both words, not with those sharing either. Only words of <see cref="SearchVocabulary.MinPairWordLength"/>
/// letters or more are paired ("s", "a", "de" of "S.A. de C.V." are in most companies and only ever matched
/// exactly), and each pair is stored once, <see cref="First"/> before <see cref="Second"/> in ordinal order.
/// A customer without any pair gets one row of two empty words (<see cref="NoPairs"/>), so that the start-up
/// backfill knows it has been indexed. Kept like <see cref="CustomerSearchTerm"/>: on every save, by the seeder,
/// and by the backfill.
/// </summary>
public sealed class CustomerSearchPair
{
    public const string NoPairs = "";

    public CustomerSearchPair(string first, string second, CustomerId customerId)
    {
        First = first;
        Second = second;
        CustomerId = customerId;
    }

    public string First { get; private set; }

    public string Second { get; private set; }

    public CustomerId CustomerId { get; private set; }
}
