using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A rep's book with a line for every KPI section, for the digest and "kpis" transcripts: an overdue follow-up
/// (María), a quiet Platinum (Pedro), a Gold whose value fell 80% and who dropped from Platinum (Luis), a case near
/// its SLA (Luis's) and one past it (María's), two offers answered (one accepted) and a customer created an hour ago.
/// </summary>
internal static class KpiTeam
{
    public static async Task<KpiTeamCases> AddBookAsync(this CrmDbContext db, User rep)
    {
        var now = CrmData.Now;
        var today = CrmData.Today;
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: rep);
        var pedro = await db.AddCustomerAsync("Pedro Gil", "Gil Hermanos", owner: rep);
        var luis = await db.AddCustomerAsync("Luis Ortega", "Ortega SL", owner: rep);
        var nuria = new Customer(CustomerId.New(), "Nuria Sol", null, CountryCode.Parse("ES"), LanguageCode.Spanish, now.AddHours(-1));
        nuria.AssignOwner(rep.Id);
        db.Customers.Add(nuria);

        db.Interactions.AddRange(
            Interaction.Log(maria.Id, rep.Id, now.AddDays(-12), now, InteractionChannel.Phone, InteractionKind.Call, "Called about the renewal", null, today.AddDays(-5)),
            Interaction.Log(pedro.Id, rep.Id, now.AddDays(-60), now.AddHours(-1), InteractionChannel.Phone, InteractionKind.Call, "Left a message", null, null),
            Interaction.Log(luis.Id, rep.Id, now.AddDays(-2), now.AddDays(-2), InteractionChannel.Email, InteractionKind.Email, "Sent the quote", null, null));
        db.CustomerValues.AddRange(
            new CustomerValue(new CustomerFigures(pedro.Id, 90_000m, 9, now.AddDays(-90), 0), ValueTier.Platinum, "EUR", now),
            new CustomerValue(new CustomerFigures(luis.Id, 2_000m, 1, now.AddMonths(-2), 0), ValueTier.Gold, "EUR", now));
        db.TierChanges.Add(TierChange.Detect(luis.Id, ValueTier.Platinum, ValueTier.Gold, now.AddHours(-1), 2_000m, "EUR")!);
        db.Orders.AddRange(
            Order.Place(luis.Id, "SW-CRM", 10_000m, "EUR", now.AddMonths(-18)),
            Order.Place(luis.Id, "SW-CRM", 2_000m, "EUR", now.AddMonths(-2)));

        var near = SupportCase.Open(luis.Id, "Quote rejected by finance", null, CasePriority.High, ValueTier.Gold, rep.Id, "Support", now.AddHours(-11), SlaTable.Default);
        var past = SupportCase.Open(maria.Id, "Invoices not arriving", null, CasePriority.Urgent, ValueTier.Bronze, rep.Id, "Support", now.AddHours(-10), SlaTable.Default);
        db.SupportCases.AddRange(near, past);

        var offer = await db.AddOfferAsync("CRM-PRO", "CRM Pro", "software", ConsentPurpose.Marketing);
        var accepted = new OfferPresentation(OfferPresentationId.New(), maria.Id, offer.Id, rep.Id, now.AddHours(-1), "Teams", ContactChannel.Email, OfferRankingSource.Rules, null);
        accepted.Answer(OfferResponse.Accepted, rep.Id, now.AddMinutes(-50));
        var declined = new OfferPresentation(OfferPresentationId.New(), pedro.Id, offer.Id, rep.Id, now.AddHours(-1), "Teams", ContactChannel.Email, OfferRankingSource.Rules, null);
        declined.Answer(OfferResponse.Declined, rep.Id, now.AddMinutes(-50));
        db.OfferPresentations.AddRange(accepted, declined);
        await db.SaveChangesAsync();
        return new KpiTeamCases(near.Number, past.Number);
    }
}

/// <summary>The numbers of the case near its SLA and the case past it.</summary>
internal sealed record KpiTeamCases(string Near, string Past);
