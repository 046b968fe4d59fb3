using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

internal sealed class ConsentImportTarget(ConsentRecorder consents) : ImportTarget<ConsentIntake>
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

    protected override Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<ConsentIntake> intakes, bool historical, CancellationToken ct) =>
        consents.StageAsync(intakes, ct);
}
