using ChatCrm.Bot.Features.Offers;
using BenchmarkDotNet.Attributes;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Next-best-offer for one customer as <c>offers</c> runs it (<see cref="OfferSuggester"/>: the facts, consents and the
/// model's scores for the catalogue), for the next of 200 sampled customers. The stored model is loaded once in the
/// set-up, as a running bot keeps it loaded; train one first (<c>… -- train</c>), or the ranking is by the rules.
/// Needs <see cref="BenchDatabase.Variable"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
public class OfferBenchmarks
{
    private IHost _host = null!;
    private List<Customer> _customers = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchDatabase.BuildHost();
        _customers = DatabaseSample.CustomersAsync(_host, 200).GetAwaiter().GetResult();
        var (_, ranking) = SuggestAsync(_customers[0]).GetAwaiter().GetResult();
        if (ranking.Source != OfferRankingSource.Model)
            Console.WriteLine("// No trained offer model in the database: offers are ranked by the rules. Run the train command first.");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public async Task<OfferSuggestions> SuggestForOneCustomer() => (await SuggestAsync(_customers[_next++ % _customers.Count])).Suggestions;

    private async Task<(OfferSuggestions Suggestions, OfferRanking Ranking)> SuggestAsync(Customer customer)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferSuggester>().SuggestAsync(customer, DateTimeOffset.UtcNow, CancellationToken.None);
    }
}
