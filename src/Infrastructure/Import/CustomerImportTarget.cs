using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>Customers: checked and updated through <see cref="CustomerUpsert"/>, the new ones written in bulk.</summary>
internal sealed class CustomerImportTarget(CustomerUpsert customers, NewCustomerBulkWriter newCustomers) : ImportTarget<CustomerIntake>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override CustomerIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["name"], record["company"], record["country"], record["language"], record["owner"],
        record["email"], record["phone"], record["loyaltyNumber"]);

    protected override async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<CustomerIntake> intakes, bool historical, CancellationToken ct)
    {
        var batch = await customers.StageUpdatesAsync(intakes, ct);
        await newCustomers.WriteAsync(batch.Created, ct);
        return batch.Results;
    }
}
