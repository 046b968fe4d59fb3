using System.Globalization;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Customers;

/// <summary>"find" shows the customer's value tier, figures, needs and latest tier move, as the last recalculation left them.</summary>
public sealed class TierTranscriptTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        var mario = await db.AddCustomerAsync("Mario Castaño", "Peñalara SL", owner: ana);
        await db.AddCustomerAsync("Marina Vidal", null, owner: ana);
        await db.AddOfferAsync("CRM-PRO", "CRM Pro licence", "Software", ConsentPurpose.Marketing);
        await db.AddOfferAsync("ONBOARD", "Onboarding", "Services", ConsentPurpose.Marketing);
        await db.AddOrderAsync(maria, "CRM-PRO", 12_000m);
        await db.AddOrderAsync(mario, "ONBOARD", 3_000m);
    }

    [Fact]
    public async Task Find_AfterRecalculation_ShowsTierFiguresAndNeeds()
    {
        await RecalculateAsync();
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find maria.nunez@acme.es"))
            .ShouldSay("María Núñez", "Value", "Platinum · €12,000 in the last 12 months · 1 order · last order ", "buys Software");
        (await chat.SendAsync("find Marina Vidal")).ShouldSay("Bronze · €0 in the last 12 months · 0 orders · no orders yet");
    }

    [Fact]
    public async Task Find_AfterADrop_ShowsTheLatestMoveWithItsDate()
    {
        await RecalculateAsync();
        await App.WithDatabaseAsync(async db => await db.AddOrderAsync(await db.Customers.SingleAsync(c => c.NameKey == "mario castano"), "ONBOARD", 100_000m));
        await RecalculateAsync();
        var changedOn = await App.WithDatabaseAsync(db => db.TierChanges.Where(c => c.FromTier == ValueTier.Platinum).Select(c => c.ChangedAt).SingleAsync());
        var chat = App.Chat(Connector, CrmData.Ana);

        // Total 115,000: Mario (103,000) is now Platinum; María starts at 90% → Silver.
        (await chat.SendAsync("find maria.nunez@acme.es"))
            .ShouldSay("Silver · €12,000", $"Dropped from Platinum to Silver on {changedOn.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        var mario = (await chat.SendAsync("find Mario Castaño")).ShouldSay("Platinum · €103,000", "2 orders", "buys Services", "Rose to Platinum from Silver");
        Assert.DoesNotContain("First ranked", mario.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_BeforeAnyRecalculation_SaysThereIsNoTierYet()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var turn = (await chat.SendAsync("find maria.nunez@acme.es")).ShouldSay("María Núñez", "No value tier yet");

        Assert.DoesNotContain("Platinum", turn.Text, StringComparison.Ordinal);
    }

    private async Task RecalculateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, CancellationToken.None);
    }
}
