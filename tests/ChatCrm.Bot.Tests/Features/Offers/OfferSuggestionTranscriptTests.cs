using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>Events queue offer suggestions for the owning rep, shown by "suggestions"/"sugerencias" in Teams, re-checked, dismissable, audited.</summary>
public sealed class OfferSuggestionTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Pedro = new("29:pedro-chat-id", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "Pedro Ruiz");

    private Customer _walsh = null!;
    private User _ana = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Pedro, UserRole.SalesRep, "Andes");
        _walsh = await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware", country: "US", email: "jwalsh@walshhardware.com", owner: _ana);
        await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
        await db.AddOfferAsync("SV-DEPOSIT", "Term Deposit", "Savings", ConsentPurpose.Marketing);
    }

    private Task SaveAsync(Func<CrmDbContext, Task> change) => App.WithDatabaseAsync(async db =>
    {
        await change(db);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Suggestions_LargeOrderInEnglish_ShowsTheEventAndTheOffersThatFitAndDismissRemovesIt()
    {
        await SaveAsync(db => Task.FromResult(db.Orders.Add(Order.Place(_walsh.Id, "SW-ANALYTICS", 6_000m, "EUR", DateTimeOffset.UtcNow))));
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("suggestions"))
            .ShouldSay("Offer suggestions", "Jennifer Walsh · large order", "large order of 6,000.00 EUR (from 5,000.00 EUR)", "Term Deposit:", "[Offers] [Dismiss]");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedOfferSuggestions)));

        (await chat.PressAsync("Dismiss")).ShouldSay("Dismissed the suggestion for Jennifer Walsh");
        (await chat.SendAsync("suggestions")).ShouldSay("Nothing queued");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DismissedOfferSuggestion)));
    }

    [Fact]
    public async Task Suggestions_DepositResolvedCaseAndTierChangeInSpanish_AreQueuedOncePerTrigger()
    {
        await SaveAsync(db => Task.FromResult(db.Orders.Add(Order.Place(_walsh.Id, "SV-DEPOSIT", 12_000m, "EUR", DateTimeOffset.UtcNow.AddMinutes(-3)))));
        await SaveAsync(db => Task.FromResult(db.Orders.Add(Order.Place(_walsh.Id, "SV-DEPOSIT", 15_000m, "EUR", DateTimeOffset.UtcNow.AddMinutes(-2)))));
        var supportCase = SupportCase.Open(_walsh.Id, "Router down", null, CasePriority.Normal, null, _ana.Id, "Support", DateTimeOffset.UtcNow, SlaTable.Default);
        await SaveAsync(db => Task.FromResult(db.SupportCases.Add(supportCase)));
        await SaveAsync(async db =>
        {
            var stored = await db.SupportCases.Include(c => c.History).SingleAsync();
            stored.Resolve("Replaced the router", _ana.Id, DateTimeOffset.UtcNow);
        });
        await SaveAsync(db => Task.FromResult(db.TierChanges.Add(TierChange.Detect(_walsh.Id, ValueTier.Gold, ValueTier.Silver, DateTimeOffset.UtcNow, 900m, "EUR")!)));

        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        (await chat.SendAsync("sugerencias")).ShouldSay("Sugerencias de ofertas",
            "depósito de 15,000.00 EUR en Savings", "caso de soporte", "resuelto el", "bajó del nivel Oro al Plata", "[Ofertas] [Descartar]");

        var queued = await App.WithDatabaseAsync(db => db.QueuedOfferSuggestions.Select(s => s.Trigger).ToListAsync());
        Assert.Equal([OfferTriggerKind.LargeDeposit, OfferTriggerKind.CaseResolved, OfferTriggerKind.TierChanged], queued.Order());
    }

    [Fact]
    public async Task Suggestions_ForARepWhoDoesNotOwnTheCustomer_ShowNothing()
    {
        await SaveAsync(db => Task.FromResult(db.Orders.Add(Order.Place(_walsh.Id, "SW-ANALYTICS", 6_000m, "EUR", DateTimeOffset.UtcNow))));
        var pedro = App.Chat(Connector, Pedro);

        (await pedro.SendAsync("suggestions")).ShouldSay("Nothing queued");
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedOfferSuggestions)));
    }
}
