using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Forgets the <c>Idempotency-Key</c> records older than <see cref="IntegrationApiOptions.IdempotencyRetention"/>: past it
/// a retry is no longer recognised anyway (<see cref="IdempotentPosts"/> lets the key be used again), so keeping the
/// stored answers only grows the table. Run nightly by the scheduler; one statement, whatever the number of rows.
/// </summary>
public sealed class IdempotencyPurge(CrmDbContext db, IOptions<IntegrationApiOptions> options, TimeProvider time)
{
    /// <returns>How many records were forgotten.</returns>
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expired = time.GetUtcNow() - options.Value.IdempotencyRetention;
        return db.IdempotencyRecords.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }
}
