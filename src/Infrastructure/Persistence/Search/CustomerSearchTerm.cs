using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// One row of the word index: a customer is found by this folded word of its name or company. Kept in step
/// with the customer by <see cref="CrmDbContext"/> on every save, and written in bulk by the seeder.
/// A customer whose name and company have no word at all gets one row with the empty word
/// (<see cref="NoWords"/>), so the start-up backfill knows it has been indexed.
/// </summary>
public sealed class CustomerSearchTerm
{
    public const string NoWords = "";

    public CustomerSearchTerm(string word, CustomerId customerId)
    {
        Word = word;
        CustomerId = customerId;
    }

    public string Word { get; private set; }

    public CustomerId CustomerId { get; private set; }
}
