using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Customers;

/// <summary>"find", "last" and "offers": looking customers up, the last conversation, and first offer suggestions.</summary>
public sealed class CustomerJobsTranscriptTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        await db.AddCustomerAsync("Mario Nuñez Castaño", "Peñalara SL", owner: ana);
        await db.AddCustomerAsync("Marina Núñez", "Acme Ibérica", owner: ana);
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-30), CrmData.Now, InteractionChannel.Email, InteractionKind.Email,
            "Sent the brochure", "Asked to call back", null));
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Visited the Madrid office; demoed the new module", "Wants a quote for 20 seats", CrmData.Today.AddDays(5)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Last_ByEmail_ShowsTheNewestInteractionWhateverItsChannel()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var turn = (await chat.SendAsync("last MARIA.NUNEZ@ACME.ES"))
            .ShouldSay("Last conversation with María Núñez", "Visited the Madrid office", "Visit", "Ana García", "Wants a quote for 20 seats", "Interactions in total: 2");

        Assert.DoesNotContain("Sent the brochure", turn.Text, StringComparison.Ordinal);
        Assert.Empty(Connector.Violations);
    }

    [Fact]
    public async Task Last_ByPhoneAsTypedLocally_FindsTheCustomer()
    {
        // A local number is read in the country of the client's locale: Spain.
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("last 600 123 456")).ShouldSay("Última conversación con María Núñez");
    }

    [Fact]
    public async Task Last_SeveralMatches_OffersAChoiceAndNeverGuesses()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        var choice = (await chat.SendAsync("last nunez")).ShouldSay("Several customers match", "María Núñez", "Mario Nuñez Castaño", "Marina Núñez");
        Assert.DoesNotContain("Last conversation", choice.Text, StringComparison.Ordinal);

        (await chat.PressAsync("1. María Núñez")).ShouldSay("Last conversation with María Núñez", "Visited the Madrid office");
    }

    [Fact]
    public async Task Last_SeveralMatches_TypingANumberPicksThatEntry()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("ultimo nunez")).ShouldSay("1: María Núñez", "2: Marina Núñez", "3: Mario Nuñez Castaño");
        (await chat.SendAsync("2")).ShouldSay("Last conversation with Marina Núñez", "No interaction has been logged");
        (await chat.SendAsync("2")).ShouldSay("didn't understand");
    }

    [Fact]
    public async Task Last_ChoiceMadeWithAButton_ANumberTypedLaterIsNotTakenAsAnotherChoice()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.SendAsync("last nunez");
        (await chat.PressAsync("1. María Núñez")).ShouldSay("Last conversation with María Núñez");
        var turn = (await chat.SendAsync("2")).ShouldSay("didn't understand");

        Assert.DoesNotContain("Marina", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_ChoiceNotTaken_TheNextMessageIsANewCommand()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.SendAsync("offers nunez");
        (await chat.SendAsync("find mario")).ShouldSay("Mario Nuñez Castaño", "Peñalara SL");
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DialogStates.CountAsync()));
    }

    [Fact]
    public async Task Log_SeveralMatches_TypingANumberPicksTheCustomer()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("log nunez")).ShouldSay("Several customers match");
        (await chat.SendAsync("3")).ShouldSay("Log an interaction with Mario Nuñez Castaño", "What kind of contact");
    }

    [Fact]
    public async Task Find_AccentsAndCaseDoNotMatter_NameAndCompanyWordsCombine()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("find mario penalara")).ShouldSay("Mario Nuñez Castaño", "Peñalara SL");
        (await chat.SendAsync("buscar MARINA NÚÑEZ")).ShouldSay("Marina Núñez", "Acme Ibérica", "No interaction has been logged yet");
    }

    [Fact]
    public async Task Last_NoMatch_SaysSoAndSuggestsHowToSearch()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("last Zebedee")).ShouldSay("No customer found", "Zebedee", "phone number with its country code");
    }

    [Fact]
    public async Task Last_CustomerWithoutInteractions_SaysNoneLoggedYet()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("last Marina")).ShouldSay("Marina Núñez", "No interaction has been logged");
    }

    [Fact]
    public async Task Last_IsAuditedAsAViewOfTheCustomerRecord()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        await chat.SendAsync("last maria.nunez@acme.es");
        await chat.SendAsync("last Zebedee");

        var entries = await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync());
        var (maria, ana) = await App.WithDatabaseAsync(async db =>
            (await db.Customers.SingleAsync(c => c.NameKey == "maria nunez"), await db.Users.SingleAsync(u => u.DisplayName == CrmData.Ana.Name)));
        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.ViewedLastConversation, entry.Action);
        Assert.Equal("Teams", entry.Channel);
        Assert.Equal(maria.Id, entry.CustomerId);
        Assert.Equal(ana.Id, entry.Actor);
        // The owner sees the whole record, and the entry names every part the card showed.
        Assert.Equal(CustomerField.Identity | CustomerField.Interactions | CustomerField.Cases | CustomerField.Tier | CustomerField.Revenue
            | CustomerField.Consents, entry.Fields);
    }

    [Fact]
    public async Task Offers_SkipOwnedProductsAndMarketingWithoutConsent_WithReasons()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var maria = await db.Customers.SingleAsync(c => c.NameKey == "maria nunez");
            await db.AddOfferAsync("CRM-PRO", "CRM Pro licence", "Software", ConsentPurpose.Marketing);
            await db.AddOfferAsync("CRM-MOBILE", "CRM Mobile add-on", "Software", ConsentPurpose.Marketing);
            await db.AddOfferAsync("TRAINING", "Admin training day", "Training", ConsentPurpose.Marketing);
            await db.AddOfferAsync("SUPPORT-PLUS", "Support Plus renewal", "Support", ConsentPurpose.Service);
            await db.AddOrderAsync(maria, "CRM-PRO", 12_000m);
            // The last conversation was a visit, which is no channel to send an offer on: the e-mail before it is.
            await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
            db.ConsentRecords.Add(ConsentRecord.Withdraw(maria.Id, ConsentPurpose.Marketing, ContactChannel.Email, "told the rep", CrmData.Now.AddDays(-1)));
            await db.SaveChangesAsync();
        });
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        var turn = (await chat.SendAsync("offers María Núñez, Acme")).ShouldSay("Ofertas para María Núñez", "contactar por correo electrónico", "Support Plus renewal",
            "Retenidas", "retiró su consentimiento a comunicaciones comerciales por correo electrónico");

        Assert.DoesNotContain("CRM Pro licence", turn.Text, StringComparison.Ordinal);
        Assert.Contains(AuditAction.ViewedOffers, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task UnknownCommand_AnswersWithWhatTheBotCanDo()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("make me a sandwich")).ShouldSay("didn't understand", "log [customer]", "offers <customer>");
    }

    [Fact]
    public async Task SlowTurn_SendsATypingIndicatorBeforeTheAnswer()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Conversation:TypingIndicatorDelay"] = "00:00:00" });
        var chat = app.Chat(Connector, CrmData.Ana);

        var turn = await chat.SendAsync("last maria.nunez@acme.es");

        Assert.Equal(["typing", "message"], turn.Posted.Select(a => a.Type));
    }

    [Fact]
    public async Task UnknownUser_WithoutDemoEnrolment_IsToldHowToGetAccessAndNothingIsStored()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });
        var stranger = new TeamsUser("29:stranger", "99999999-9999-4999-8999-999999999999", "Stranger");
        var chat = app.Chat(Connector, stranger);
        var usersBefore = await app.WithDatabaseAsync(db => db.Users.CountAsync());

        var turn = (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("don't have access", "administrator");

        Assert.DoesNotContain("Visited", turn.Text, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task UnknownUser_InDemoConfiguration_IsEnrolledAsARepOfTheConfiguredTeam()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollTeam"] = "Iberia" });
        var newcomer = new TeamsUser("29:newcomer", "77777777-7777-4777-8777-777777777777", "Newcomer");
        var chat = app.Chat(Connector, newcomer);

        (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("Last conversation with María Núñez");

        var enrolled = await app.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.TeamsAadObjectId == newcomer.AadObjectId));
        Assert.Equal((UserRole.SalesRep, "Iberia"), (enrolled.Role, enrolled.Team));
    }
}
