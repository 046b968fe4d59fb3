using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Interactions.Summaries;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>What "last" reads of a customer's history: the newest interactions, how many there are, who logged the last.</summary>
/// <param name="Newest">The newest interactions, newest first (as many as the summariser reads).</param>
public sealed record LastConversationReading(IReadOnlyList<Interaction> Newest, int Total, string? LoggedBy)
{
    public Interaction? Last => Newest.Count > 0 ? Newest[0] : null;
}

/// <summary>
/// The database side of <see cref="LastConversationCommand"/>, on its own so that it can be measured (the benchmarks) and
/// kept to index seeks: the newest interactions come from the (CustomerId, OccurredAt, RecordedAt) index already in
/// order, the count is a range of the same index, and the author's name is one key lookup. Three statements whatever
/// the size of the history.
/// </summary>
public sealed class LastConversationReader(CrmDbContext db)
{
    public async Task<LastConversationReading> ReadAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId);
        var newest = await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt)
            .Take(ExtractiveSummariser.ContactsRead).ToListAsync(cancellationToken);
        if (newest.Count == 0)
            return new LastConversationReading(newest, 0, null);
        var total = newest.Count < ExtractiveSummariser.ContactsRead ? newest.Count : await interactions.CountAsync(cancellationToken);
        var loggedBy = await db.Users.AsNoTracking().Where(u => u.Id == newest[0].LoggedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new LastConversationReading(newest, total, loggedBy);
    }
}
