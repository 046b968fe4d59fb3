using ChatCrm.Bot.Features.Customers;
using BenchmarkDotNet.Attributes;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The reads of "last &lt;customer&gt;" (<see cref="LastConversationReader"/>: newest interactions, count, author) for
/// the next of 500 sampled customers, in a scope of its own as a turn does. Needs <see cref="BenchDatabase.Variable"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
public class LastConversationBenchmarks
{
    private IHost _host = null!;
    private List<CustomerId> _customers = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchDatabase.BuildHost();
        _customers = DatabaseSample.CustomersAsync(_host, 500).GetAwaiter().GetResult().Select(c => c.Id).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public async Task<LastConversationReading> LastConversation()
    {
        var id = _customers[_next++ % _customers.Count];
        await using var scope = _host.Services.CreateAsyncScope();
        return await new LastConversationReader(scope.ServiceProvider.GetRequiredService<CrmDbContext>()).ReadAsync(id, CancellationToken.None);
    }
}
