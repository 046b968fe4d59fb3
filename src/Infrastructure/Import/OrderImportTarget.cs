using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

internal sealed class OrderImportTarget(OrderRecorder orders) : ImportTarget<OrderIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override OrderIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["customerExternalId"], record["productCode"], record["category"],
        Amount(record, checks, "amount"), record["currency"], Date(record, checks, "placedAt"));

    protected override Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<OrderIntake> intakes, bool historical, CancellationToken ct) =>
        orders.StageAsync(intakes, historical, ct);
}
