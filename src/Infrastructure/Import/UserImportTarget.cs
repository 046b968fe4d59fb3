using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

internal sealed class UserImportTarget(UserDirectoryUpsert users) : ImportTarget<UserIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) =>
        NormalizedExternalId(record["externalId"]) ?? (string.IsNullOrWhiteSpace(record["email"]) ? null : "@" + record["email"]!.Trim().ToLowerInvariant());

    protected override UserIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["email"], record["name"], record["role"], record["team"], record["manager"], record["timeZone"], record["language"]);

    protected override Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<UserIntake> intakes, bool historical, CancellationToken ct) =>
        users.StageAsync(intakes, ct);
}
