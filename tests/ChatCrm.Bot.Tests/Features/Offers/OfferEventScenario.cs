using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>
/// What the pushed-event tests share: a customer (external id CUST-1) owned by the rep given, an investment fund that
/// answers large deposits, a card offer that answers nothing, marketing consent by e-mail; and an order recorded the
/// way the import and the API record one (<see cref="OrderRecorder"/>, then one save).
/// </summary>
public static class OfferEventScenario
{
    public const string CustomerExternalId = "CUST-1";
    public const string FundName = "Fondo Global Crecimiento";
    public const string CardName = "Tarjeta Oro";

    public static async Task<Customer> ArrangeAsync(CrmDbContext db, User owner)
    {
        ArgumentNullException.ThrowIfNull(db);
        var customer = await db.AddCustomerAsync("Elena Ortega", "Ortega Asesores", owner: owner);
        customer.AddIdentity(IdentityKind.ExternalId, CustomerExternalId);
        (await db.AddOfferAsync("INV-FUND", FundName, "Investments", ConsentPurpose.Marketing)).Answer([OfferTriggerKind.LargeDeposit]);
        await db.AddOfferAsync("CARD-GOLD", CardName, "Cards", ConsentPurpose.Marketing);
        await db.SaveChangesAsync();
        await db.GrantAsync(customer, ConsentPurpose.Marketing, ContactChannel.Email);
        return customer;
    }

    /// <summary>A 25,000 EUR deposit into savings: a large deposit (from 10,000).</summary>
    public static OrderIntake Deposit(DateTimeOffset placedAt, string externalId = "DEP-1") =>
        new(externalId, CustomerExternalId, "SAV-12M", "Savings", 25_000m, "EUR", placedAt);

    public static async Task RecordAsync(IServiceProvider services, OrderIntake order, bool historical = false)
    {
        await using var scope = services.CreateAsyncScope();
        var recorder = ActivatorUtilities.CreateInstance<OrderRecorder>(scope.ServiceProvider);
        var result = await recorder.StageAsync(order, historical, CancellationToken.None);
        Assert.Empty(result.Errors);
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SaveChangesAsync();
    }

    public static Task<List<InboxItem>> PushesAsync(ChatCrmApp app) =>
        app.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().Where(i => i.Channel == OfferEventOutbox.Channel).ToListAsync());
}
