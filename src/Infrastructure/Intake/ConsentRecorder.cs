using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Records consent statements (granted or withdrawn, for a purpose on a channel, from a source) by their external id.
/// Statements are never edited: the same one again changes nothing, and a different statement under an id already
/// used is refused (record the change as a new statement). A statement taken in chat names its customer instead
/// (<see cref="ConsentIntake.Customer"/>) and goes through the same checks. Changes are staged in the context; the caller saves.
/// </summary>
public sealed class ConsentRecorder(CrmDbContext db, TimeProvider time)
{
    public async Task<IntakeResult> StageAsync(ConsentIntake row, CancellationToken ct) => (await StageAsync([row], ct))[0];

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<ConsentIntake> rows, CancellationToken ct)
    {
        var batch = await DecideAsync(rows, ct);
        db.ConsentRecords.AddRange(batch.Created);
        return batch.Results;
    }

    /// <summary>
    /// Checks a batch and decides each row without tracking anything: the new statements are returned in the file's
    /// order, not staged (the import writes them in bulk). One read of the customers and one of the stored statements
    /// per batch, each with one list parameter.
    /// </summary>
    internal async Task<ConsentBatch> DecideAsync(IReadOnlyList<ConsentIntake> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var now = time.GetUtcNow();
        var candidates = rows.Select(r => Check(r, now)).ToList();
        var customers = await CustomerExternalIds.ResolveAsync(db, candidates.Select(c => c.CustomerExternalId), ct);
        var ids = candidates.Select(c => c.ExternalId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var stored = ids.Count == 0
            ? []
            : await db.ConsentRecords.AsNoTracking().Where(c => c.ExternalId != null && EF.Parameter(ids).Contains(c.ExternalId)).ToDictionaryAsync(c => c.ExternalId!, ct);

        var results = new IntakeResult[rows.Count];
        var created = new List<ConsentRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var checks = candidate.Checks;
            if (candidate.ExternalId is { } id && !seen.Add(id))
                checks.Add("externalId", $"'{FieldChecks.Cut(id)}' appears more than once");
            var customer = candidate.Row.Customer
                ?? (candidate.CustomerExternalId is { } key && customers.TryGetValue(key, out var found) ? found : (Domain.Customers.CustomerId?)null);
            if (candidate.CustomerExternalId is { } wanted && customer is null)
                checks.Add("customerExternalId", $"no customer has the external id '{FieldChecks.Cut(wanted)}'");
            var row = candidates[i].Row;
            var existing = candidate.ExternalId is null ? null : stored.GetValueOrDefault(candidate.ExternalId);
            if (!checks.HasErrors && existing is not null
                && !existing.States(customer!.Value, candidate.Purpose!.Value, candidate.Channel!.Value, row.Granted, candidate.Source!, row.RecordedAt))
                checks.Add("externalId", "already records a different statement; consent records are never edited, so record the change under a new id");
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }
            if (existing is not null)
            {
                results[i] = IntakeResult.Stored(IntakeOutcome.Unchanged, existing.Id.Value);
                continue;
            }
            var record = ConsentRecord.Record(customer!.Value, candidate.Purpose!.Value, candidate.Channel!.Value, row.Granted, candidate.Source!, row.RecordedAt, candidate.ExternalId);
            created.Add(record);
            results[i] = IntakeResult.Stored(IntakeOutcome.Created, record.Id.Value);
        }
        return new ConsentBatch(results, created);
    }

    private static CheckedConsent Check(ConsentIntake row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var checks = new FieldChecks();
        // A statement recorded here names its customer and has no id elsewhere (unless one is given).
        var here = row.Customer is not null;
        var externalId = here && string.IsNullOrWhiteSpace(row.ExternalId) ? null : ExternalIdText.Check(checks, "externalId", row.ExternalId);
        var customer = here ? null : ExternalIdText.Check(checks, "customerExternalId", row.CustomerExternalId);
        var purpose = checks.Choice<ConsentPurpose>("purpose", row.Purpose);
        var channel = checks.Choice<ContactChannel>("channel", row.Channel);
        var source = checks.Required("source", row.Source, 200);
        // The same bounds as an order's date: a statement from the future or from year 1 is a slip.
        if (OrderPlausibility.DateProblem(row.RecordedAt, now) is { } dateProblem)
            checks.Add("recordedAt", dateProblem);
        return new CheckedConsent(checks, externalId, customer, purpose, channel, source, row);
    }

    private sealed record CheckedConsent(FieldChecks Checks, string? ExternalId, string? CustomerExternalId, ConsentPurpose? Purpose, ContactChannel? Channel, string? Source, ConsentIntake Row);
}

/// <summary>A batch of consent statements decided: one result per row, in order, and the new statements, which the caller stores.</summary>
internal sealed record ConsentBatch(IReadOnlyList<IntakeResult> Results, IReadOnlyList<ConsentRecord> Created);
