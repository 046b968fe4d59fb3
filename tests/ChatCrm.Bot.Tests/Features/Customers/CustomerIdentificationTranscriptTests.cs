using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Customers;

/// <summary>
/// Naming a customer the way people do: with typos, "name, company", handles, namesakes. The bot takes a
/// customer only when one is clearly meant, and otherwise shows its candidates ranked with its confidence.
/// </summary>
public sealed class CustomerIdentificationTranscriptTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        await db.AddCustomerAsync("María Núñez", "Globex Iberia", email: "mnunez@globex.example", owner: ana);
        await db.AddCustomerAsync("Marina Núñez", "Acme Ibérica", owner: ana);
        var john = new Customer(CustomerId.New(), "John Smith", "Contoso Ltd", CountryCode.Parse("GB"), LanguageCode.English, CrmData.Now.AddYears(-2));
        john.AddIdentity(IdentityKind.LoyaltyNumber, "CC000000123");
        db.Customers.Add(john);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Find_SurnameWithATypo_StillFindsTheCustomer()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find maria nunes, acme")).ShouldSay("María Núñez", "Acme Ibérica", "maria.nunez@acme.es");
        (await chat.SendAsync("find Jhon Smith")).ShouldSay("John Smith", "Contoso Ltd");
    }

    [Fact]
    public async Task Find_NameCommaCompany_PicksTheNamesakeAtThatCompany()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find María Núñez, Acme")).ShouldSay("María Núñez", "Acme Ibérica", "maria.nunez@acme.es");
        var globex = (await chat.SendAsync("find maria nunez, GLOBEX")).ShouldSay("María Núñez", "Globex Iberia", "mnunez@globex.example");
        Assert.DoesNotContain("Several customers match", globex.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_TwoNamesakes_ShowsBothWithTheirConfidenceAndNeverPicks()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var choice = (await chat.SendAsync("find maria nunez")).ShouldSay(
            "Several customers match", "Acme Ibérica · maria.nunez@acme.es · ES · 100% — name matches", "Globex Iberia · mnunez@globex.example · ES · 100% — name matches",
            "Marina Núñez · Acme Ibérica · ES · 80% — name ≈ maria (1 typo)");
        Assert.DoesNotContain("Interactions:", choice.Text, StringComparison.Ordinal);

        var typed = choice.Text.Contains("1: María Núñez · Globex", StringComparison.Ordinal) ? "1" : "2";
        (await chat.SendAsync(typed)).ShouldSay("María Núñez", "Globex Iberia", "No interaction has been logged yet");
    }

    [Fact]
    public async Task Last_TypoSharedByNamesakes_RanksThemWithTheReason()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var choice = (await chat.SendAsync("last nunes")).ShouldSay("Several customers match", "80% — name ≈ nunes (1 typo)");

        Assert.DoesNotContain("Last conversation", choice.Text, StringComparison.Ordinal);
        Assert.Contains("3: Marina Núñez", choice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_ExactHandle_GoesStraightToTheCustomer()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find MARIA.NUNEZ@ACME.ES")).ShouldSay("María Núñez", "Acme Ibérica", "No interaction has been logged yet");
        (await chat.SendAsync("find +34 600 123 456")).ShouldSay("María Núñez", "Acme Ibérica");
        (await chat.SendAsync("find cc000000123")).ShouldSay("John Smith", "Contoso Ltd");
    }

    [Fact]
    public async Task Find_Unknown_AnswersWithTheNotFoundCard()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find Zebedee Quist")).ShouldSay("No customer found", "Zebedee Quist", "a typo or two");
        (await chat.SendAsync("find nobody@nowhere.example")).ShouldSay("No customer found");
    }

    [Fact]
    public async Task Find_CustomerRenamed_IsFoundByItsNewNameOnly()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var marina = await db.Customers.SingleAsync(c => c.NameKey == "marina nunez");
            marina.Rename("Marina Ortega");
            await db.SaveChangesAsync();
        });
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find ortega")).ShouldSay("Marina Ortega", "Acme Ibérica");
        var nunez = (await chat.SendAsync("find marina nunez")).ShouldSay("María Núñez");
        Assert.DoesNotContain("Marina", nunez.Text, StringComparison.Ordinal);
    }
}
