using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Benchmarks;

/// <summary>A repeatable sample of the seeded database's customers (the same database and size give the same sample).</summary>
internal static class DatabaseSample
{
    public static async Task<List<Customer>> CustomersAsync(IHost host, int count, int randomSeed = 20261124)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var ids = (await db.Customers.Where(c => c.ErasedAt == null && c.MergedIntoId == null).Select(c => c.Id).ToListAsync())
            .OrderBy(id => id.Value).ToList();
        if (ids.Count == 0)
            throw new InvalidOperationException($"The database in {BenchDatabase.Variable} has no customers: seed it first.");
        var random = new Random(randomSeed);
        var picked = Enumerable.Range(0, count).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
        var customers = new List<Customer>(picked.Count);
        foreach (var chunk in picked.Chunk(500))
        {
            var wanted = chunk.ToList();
            customers.AddRange(await db.Customers.AsNoTracking().Include(c => c.Identities).Where(c => wanted.Contains(c.Id)).ToListAsync());
        }
        return customers.OrderBy(c => c.Id.Value).ToList();
    }
}
