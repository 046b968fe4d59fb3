using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>
/// One customer whose every part of the record carries a marker found nowhere else, so that a card's JSON tells which
/// parts it revealed. The one place that says which text belongs to which <see cref="CustomerField"/>.
/// </summary>
public static class MarkedCustomer
{
    public const string Name = "Quintessa Vane";
    public const string Company = "Vanecorp Holdings";
    public const string Email = "qv.contact@marker-mail.example";
    public const string LoyaltyNumber = "LOY88412";
    public const string Summary = "Walked through the heliotrope rollout with the buyer.";
    public const string Outcome = "Agreed the zanzibar pilot.";
    public const string CaseTitle = "Toner leak on the obsidian press";
    public const string ConsentSource = "tamarind kiosk";
    public const decimal OrderAmount = 987_654m;
    public const string OwnedProduct = "Quokka Suite";
    public const string OwnedProductCategory = "Quokkaware";
    public const string SuggestedOffer = "Nebula Care Plan";
    public const string HeldBackOffer = "Saffron Partner Bundle";

    /// <summary>
    /// The text that gives each part away, however a card words it. Consents are given away by their standing (the
    /// ✅/⛔ of a channel, "Marketing allowed") or by where the customer said so; a tier by its name; revenue by the
    /// 12-month value however it is formatted; products by what the customer owns or the category they buy.
    /// </summary>
    public static IReadOnlyDictionary<CustomerField, string[]> Markers { get; } = new Dictionary<CustomerField, string[]>
    {
        [CustomerField.Identity] = [Name, Company],
        [CustomerField.ContactDetails] = [Email, LoyaltyNumber],
        [CustomerField.Interactions] = ["heliotrope", "zanzibar"],
        [CustomerField.Cases] = ["obsidian"],
        [CustomerField.Products] = [OwnedProduct, OwnedProductCategory],
        [CustomerField.Revenue] = ["987,654", "987654", "987.654"],
        [CustomerField.Tier] = [nameof(ValueTier.Platinum)],
        [CustomerField.Consents] = [ConsentSource, "✅", "⛔", "Marketing allowed", "No marketing"],
        [CustomerField.Offers] = [SuggestedOffer],
        [CustomerField.SuppressedOffers] = [HeldBackOffer],
    };

    /// <summary>The parts that have a marker (profile data, the country and language, has none that is distinctive).</summary>
    public static CustomerField Marked { get; } = Markers.Keys.Aggregate(CustomerField.None, (all, field) => all | field);

    /// <summary>The parts whose markers appear among <paramref name="shown"/> (every string of every JSON the bot sent).</summary>
    public static CustomerField AppearingIn(IEnumerable<JsonNode?> shown)
    {
        var text = string.Join("\n", shown.SelectMany(Strings));
        return Markers.Where(m => m.Value.Any(marker => text.Contains(marker, StringComparison.Ordinal)))
            .Aggregate(CustomerField.None, (all, m) => all | m.Key);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonValue v => [v.ToJsonString()],
        _ => [],
    };

    /// <summary>
    /// The customer, owned by <paramref name="owner"/>: a visit with its summary, outcome and an overdue follow-up (so the owner's manager's KPIs name it), an order (valued on
    /// the next tier recalculation), a marketing opt-in by SMS only (so the marketing offer by e-mail is held back), an
    /// open case past its SLA assigned to <paramref name="caseWorker"/>, and the offers that will be suggested and held back.
    /// </summary>
    public static async Task<(Customer Customer, string CaseNumber)> AddAsync(CrmDbContext db, User owner, User caseWorker)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(caseWorker);
        var customer = await db.AddCustomerAsync(Name, Company, email: Email, owner: owner);
        customer.AddIdentity(IdentityKind.LoyaltyNumber, LoyaltyNumber);
        db.Interactions.Add(Interaction.Log(customer.Id, owner.Id, CrmData.Now.AddDays(-3), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            Summary, Outcome, CrmData.Today.AddDays(-2)));
        db.ConsentRecords.Add(ConsentRecord.Grant(customer.Id, ConsentPurpose.Marketing, ContactChannel.Sms, ConsentSource, CrmData.Now.AddMonths(-6)));
        var supportCase = SupportCase.Open(customer.Id, CaseTitle, null, CasePriority.Normal, ValueTier.Platinum, caseWorker.Id, "Support",
            CrmData.Now.AddDays(-10), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        await db.AddOfferAsync("QUOKKA-1", OwnedProduct, OwnedProductCategory, ConsentPurpose.Marketing);
        await db.AddOfferAsync("NEBULA", SuggestedOffer, OwnedProductCategory, ConsentPurpose.Service);
        await db.AddOfferAsync("SAFFRON", HeldBackOffer, "Partner", ConsentPurpose.Marketing);
        await db.AddOrderAsync(customer, "QUOKKA-1", OrderAmount);
        return (customer, supportCase.Number);
    }
}
