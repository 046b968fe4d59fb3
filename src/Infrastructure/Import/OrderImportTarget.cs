using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Orders and deposits: decided per batch by <see cref="OrderRecorder"/> without tracking the unchanged ones, the new
/// ones written in bulk. They still fire the offer triggers like any new order: the runner's save after the batch
/// queues their suggestions and pushes in the same transaction (<see cref="OfferTriggerUpkeep.WrittenInBulk"/>), unless
/// they are back-filled history.
/// </summary>
internal sealed class OrderImportTarget(CrmDbContext db, OrderRecorder orders, NewRowBulkWriter newRows) : ImportTarget<OrderIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override OrderIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["customerExternalId"], record["productCode"], record["category"],
        Amount(record, checks, "amount"), record["currency"], Date(record, checks, "placedAt"));

    protected override async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<OrderIntake> intakes, bool historical, CancellationToken ct)
    {
        var batch = await orders.DecideAsync(intakes, ct);
        await newRows.WriteAsync(batch.Created, ct);
        if (!historical)
            OfferTriggerUpkeep.WrittenInBulk(db, batch.Created);
        return batch.Results;
    }
}
