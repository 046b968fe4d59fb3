using ChatCrm.Infrastructure.Intake;

namespace ChatCrm.Infrastructure.Import;

internal sealed class OfferImportTarget(OfferCatalogUpsert offers) : ImportTarget<OfferIntake>
{
    public override string KeyField => "productCode";

    public override string? KeyOf(ImportRecord record) => record["productCode"]?.Trim().ToUpperInvariant() is { Length: > 0 } code ? code : null;

    protected override OfferIntake Map(ImportRecord record, FieldChecks checks)
    {
        var active = record["active"];
        var isActive = string.IsNullOrWhiteSpace(active) || ImportValues.Granted(active) is true;
        if (!string.IsNullOrWhiteSpace(active) && ImportValues.Granted(active) is null)
            checks.Add("active", $"'{FieldChecks.Cut(active.Trim())}' is neither yes nor no");
        return new(record["productCode"], record["name"], record["category"], record["purpose"], record["pitch"], record["partnerCompany"],
            ImportValues.List(record["answersTriggers"]), record["minimumTier"], ImportValues.List(record["countries"]), isActive);
    }

    protected override Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<OfferIntake> intakes, bool historical, CancellationToken ct) =>
        offers.StageAsync(intakes, ct);
}
