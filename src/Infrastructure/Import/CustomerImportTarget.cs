using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

internal sealed class CustomerImportTarget(CustomerUpsert customers) : ImportTarget<CustomerIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override CustomerIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["name"], record["company"], record["country"], record["language"], record["owner"],
        record["email"], record["phone"], record["loyaltyNumber"]);

    protected override Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<CustomerIntake> intakes, bool historical, CancellationToken ct) =>
        customers.StageAsync(intakes, ct);
}
