using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>Consent statements: decided per batch by <see cref="ConsentRecorder"/> without tracking, the new ones written in bulk in the file's order.</summary>
internal sealed class ConsentImportTarget(ConsentRecorder consents, NewRowBulkWriter newRows) : ImportTarget<ConsentIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override ConsentIntake Map(ImportRecord record, FieldChecks checks)
    {
        var status = record["status"];
        var granted = ImportValues.Granted(status);
        if (granted is null)
            checks.Add("status", string.IsNullOrWhiteSpace(status) ? "is required" : $"'{FieldChecks.Cut(status.Trim())}' is neither granted nor withdrawn");
        return new(record["externalId"], record["customerExternalId"], record["purpose"], record["channel"], granted ?? false,
            record["source"], Date(record, checks, "recordedAt"));
    }

    protected override async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<ConsentIntake> intakes, bool historical, CancellationToken ct)
    {
        var batch = await consents.DecideAsync(intakes, ct);
        await newRows.WriteAsync(batch.Created, ct);
        return batch.Results;
    }
}
