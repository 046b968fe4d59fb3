namespace ChatCrm.Infrastructure.Seeding;

/// <summary>How many demo customers to add, and the seed that makes the generated data repeatable.</summary>
/// <param name="InteractionsPerCustomer">The mean number of interactions per customer (at least one each, the first
/// contact): eight by default; benchmarks raise it to reach a given interaction count (1,000,000 customers × 10 = 10,000,000).</param>
public sealed record SeedRequest(int Customers, int RandomSeed = 20261124, double InteractionsPerCustomer = SeedRequest.DefaultInteractionsPerCustomer)
{
    public const double DefaultInteractionsPerCustomer = 8.0;
    public const double MaxInteractionsPerCustomer = 100.0;
}
