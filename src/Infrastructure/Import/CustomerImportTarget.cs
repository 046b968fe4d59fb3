using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Customers: checked (parsed, normalised, drafted as new customers) ahead of the database work, then updated through
/// <see cref="CustomerUpsert"/>, the new ones written in bulk.
/// </summary>
internal sealed class CustomerImportTarget(CustomerUpsert customers, NewCustomerBulkWriter newCustomers)
    : ImportTarget<CustomerIntake, IReadOnlyList<CheckedCustomer>>
{
    public override string KeyField => "externalId";

    public override string? KeyOf(ImportRecord record) => NormalizedExternalId(record["externalId"]);

    protected override CustomerIntake Map(ImportRecord record, FieldChecks checks) => new(
        record["externalId"], record["name"], record["company"], record["country"], record["language"], record["owner"],
        record["email"], record["phone"], record["loyaltyNumber"]);

    protected override IReadOnlyList<CheckedCustomer> CheckIntakes(IReadOnlyList<CustomerIntake> intakes) => customers.Check(intakes);

    protected override async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<CheckedCustomer> intakes, bool historical, CancellationToken ct)
    {
        var batch = await customers.StageUpdatesAsync(intakes, ct);
        await newCustomers.WriteAsync(batch.Created, ct);
        return batch.Results;
    }
}
