using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Creates or updates offer catalogue entries by product code, including which customer events each answers
/// (<see cref="OfferTriggerKind"/>), who it is for (minimum tier, countries) and whether it is still sold.
/// Changes are staged in the context; the caller saves.
/// </summary>
public sealed class OfferCatalogUpsert(CrmDbContext db)
{
    public async Task<IntakeResult> StageAsync(OfferIntake row, CancellationToken ct) => (await StageAsync([row], ct))[0];

    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<OfferIntake> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = rows.Select(Check).ToList();
        var codes = candidates.Select(c => c.ProductCode).OfType<string>().Distinct().ToList();
        var stored = codes.Count == 0 ? [] : await db.Offers.Where(o => codes.Contains(o.ProductCode)).ToDictionaryAsync(o => o.ProductCode, ct);

        var results = new IntakeResult[rows.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.ProductCode is { } code && !seen.Add(code))
                c.Checks.Add("productCode", $"'{FieldChecks.Cut(code)}' appears more than once");
            if (c.Checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(c.Checks.Errors);
                continue;
            }
            var offer = stored.GetValueOrDefault(c.ProductCode!);
            IntakeOutcome outcome;
            if (offer is null)
            {
                offer = new Offer(OfferId.New(), c.ProductCode!, c.Name!, c.Category!, c.Purpose!.Value, c.Pitch!, c.PartnerCompany)
                    .RestrictTo(c.MinimumTier, c.Countries)
                    .Answer(c.Triggers);
                if (!c.Active)
                    offer.Retire();
                db.Offers.Add(offer);
                stored[offer.ProductCode] = offer;
                outcome = IntakeOutcome.Created;
            }
            else
            {
                outcome = Apply(offer, c) ? IntakeOutcome.Updated : IntakeOutcome.Unchanged;
            }
            results[i] = IntakeResult.Stored(outcome, offer.Id.Value);
        }
        return results;
    }

    private static bool Apply(Offer offer, CheckedOffer c)
    {
        var changed = false;
        if (offer.Name != c.Name || offer.Category != c.Category || offer.Purpose != c.Purpose || offer.Pitch != c.Pitch || offer.PartnerCompany != c.PartnerCompany)
        {
            offer.Revise(c.Name!, c.Category!, c.Purpose!.Value, c.Pitch!, c.PartnerCompany);
            changed = true;
        }
        if (offer.MinimumTier != c.MinimumTier || !offer.Countries.Order().SequenceEqual(c.Countries.Distinct().Order()))
        {
            offer.RestrictTo(c.MinimumTier, c.Countries);
            changed = true;
        }
        if (!offer.AnswersTriggers.SequenceEqual(c.Triggers.Distinct().Order()))
        {
            offer.Answer(c.Triggers);
            changed = true;
        }
        if (offer.IsActive != c.Active)
        {
            if (c.Active)
                offer.Reactivate();
            else
                offer.Retire();
            changed = true;
        }
        return changed;
    }

    private static CheckedOffer Check(OfferIntake row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var checks = new FieldChecks();
        var code = checks.Required("productCode", row.ProductCode, 40)?.ToUpperInvariant();
        var name = checks.Required("name", row.Name, 120);
        var category = checks.Required("category", row.Category, 60);
        var purpose = checks.Choice<ConsentPurpose>("purpose", row.Purpose);
        if (purpose is ConsentPurpose.Profiling)
            checks.Add("purpose", "an offer is either Marketing or Service");
        var pitch = checks.Required("pitch", row.Pitch, 500);
        var partner = checks.Optional("partnerCompany", row.PartnerCompany, Offer.MaxPartnerCompanyLength);
        var triggers = new List<OfferTriggerKind>();
        foreach (var text in row.AnswersTriggers ?? [])
        {
            if (checks.Choice<OfferTriggerKind>("answersTriggers", text) is { } kind)
                triggers.Add(kind);
        }
        ValueTier? tier = string.IsNullOrWhiteSpace(row.MinimumTier) ? null : checks.Choice<ValueTier>("minimumTier", row.MinimumTier);
        var countries = new List<CountryCode>();
        foreach (var text in row.Countries ?? [])
        {
            if (CountryCode.TryParse(text, out var country))
                countries.Add(country);
            else
                checks.Add("countries", $"'{FieldChecks.Cut(text.Trim())}' is not an ISO 3166 two-letter country code");
        }
        return new CheckedOffer(checks, code, name, category, purpose, pitch, partner, triggers, tier, countries, row.Active);
    }

    private sealed record CheckedOffer(
        FieldChecks Checks, string? ProductCode, string? Name, string? Category, ConsentPurpose? Purpose, string? Pitch, string? PartnerCompany,
        IReadOnlyList<OfferTriggerKind> Triggers, ValueTier? MinimumTier, IReadOnlyList<CountryCode> Countries, bool Active);
}
