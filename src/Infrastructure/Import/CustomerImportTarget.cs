using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Customers: checked (parsed, normalised, drafted as new customers) ahead of the database work, then updated through
/// <see cref="CustomerUpsert"/>, the new ones written in bulk. Likely duplicates are named by their external id only in
/// the warnings the report still lists: the rest are only counted, and looking their external ids up cost a tenth of
/// a large import's database time.
/// </summary>
internal sealed class CustomerImportTarget(CustomerUpsert customers, NewCustomerBulkWriter newCustomers, ImportReport report)
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
        var batch = await customers.StageUpdatesAsync(intakes, ct, namedWarnings: report.WarningsStillListed);
        await newCustomers.WriteAsync(batch.Created, ct);
        return batch.Results;
    }
}
