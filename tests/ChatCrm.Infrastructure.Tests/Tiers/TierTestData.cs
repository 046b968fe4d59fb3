using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tests.Tiers;

/// <summary>Customers, orders and a recalculation wired as the app wires it, for the tier persistence tests.</summary>
internal static class TierTestData
{
    public static TierOptions Options() => new()
    {
        ReportingCurrency = "EUR",
        ExchangeRates = { ["GBP"] = 1.17m, ["USD"] = 0.92m },
    };

    public static TierRecalculation Recalculation(CrmDbContext db, TimeProvider clock, TierOptions? options = null) =>
        new(db, Microsoft.Extensions.Options.Options.Create(options ?? Options()), clock, NullLogger<TierRecalculation>.Instance);

    public static Customer Customer(string name) =>
        new(CustomerId.New(), name, company: null, CountryCode.Parse("ES"), LanguageCode.Spanish, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static Offer Offer(string code, string category) =>
        new(OfferId.New(), code, code, category, ConsentPurpose.Marketing, "A pitch.");

    public static Order Order(Customer customer, decimal amount, DateTimeOffset at, string currency = "EUR", string product = "SW-CRM") =>
        Domain.Orders.Order.Place(customer.Id, product, amount, currency, at);

    public static async Task SaveAsync(CrmDbContext db, IEnumerable<Customer> customers, params Order[] orders)
    {
        db.Customers.AddRange(customers);
        db.Orders.AddRange(orders);
        await db.SaveChangesAsync();
    }
}
