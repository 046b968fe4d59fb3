using System.Text;
using System.Text.Json;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>
/// The part of an erasure that reaches stored requests: handled inbox items and failed replies lose their bodies, open dialogs about the
/// customer end, and integrations' stored responses lose theirs, whenever they hold the customer's id or one of the
/// texts that named them (as typed, or escaped the way JSON writes it).
/// </summary>
internal sealed class StoredRequestErasure(CrmDbContext db)
{
    public async Task StageAsync(IReadOnlyCollection<CustomerId> records, IReadOnlyCollection<string> formerTexts, CancellationToken cancellationToken)
    {
        var needles = Needles(records, formerTexts);
        await ForgetInboxPayloadsAsync(needles, cancellationToken);
        await ForgetOutboxBodiesAsync(needles, cancellationToken);
        await EndDialogsAsync(needles, cancellationToken);
        await ForgetIdempotentResponsesAsync(needles, cancellationToken);
    }

    private static List<string> Needles(IReadOnlyCollection<CustomerId> records, IReadOnlyCollection<string> formerTexts) =>
        records.SelectMany(id => new[] { id.Value.ToString("D"), id.Value.ToString("N") })
            .Concat(formerTexts)
            .Concat(formerTexts.Select(text => JsonSerializer.Serialize(text)[1..^1]))
            .Distinct(StringComparer.Ordinal).ToList();

    private async Task ForgetInboxPayloadsAsync(List<string> needles, CancellationToken cancellationToken)
    {
        foreach (var needle in needles)
        {
            foreach (var item in await db.InboxItems.Where(i => i.Payload != null && i.Payload.Contains(needle)).ToListAsync(cancellationToken))
                item.ForgetPayloadIfHandled();
        }
    }

    private async Task ForgetOutboxBodiesAsync(List<string> needles, CancellationToken cancellationToken)
    {
        foreach (var needle in needles)
        {
            foreach (var message in await db.OutboxMessages.Where(m => m.Body != null && m.Body.Contains(needle)).ToListAsync(cancellationToken))
                message.ForgetBodyIfSettled();
        }
    }

    private async Task EndDialogsAsync(List<string> needles, CancellationToken cancellationToken)
    {
        foreach (var needle in needles)
            db.DialogStates.RemoveRange(await db.DialogStates.Where(d => d.StateJson.Contains(needle)).ToListAsync(cancellationToken));
    }

    /// <summary>The bodies are bytes the database cannot search portably, so they are read here (records live for a day).</summary>
    private async Task ForgetIdempotentResponsesAsync(List<string> needles, CancellationToken cancellationToken)
    {
        var encoded = needles.Select(Encoding.UTF8.GetBytes).ToList();
        await foreach (var record in db.IdempotencyRecords.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (encoded.Any(needle => record.ResponseBody.AsSpan().IndexOf(needle) >= 0))
                record.ForgetResponseBody();
        }
    }
}
