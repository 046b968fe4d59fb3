using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Privacy;

/// <summary>Customers' data requests through chat: export (right of access) and erasure, by the privacy officer only.</summary>
public sealed class CustomerRightsTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Officer = new("29:officer", "f0000000-0000-4000-8000-00000000000f", "Ana Belén Galíndez");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Officer, UserRole.PrivacyOfficer, "Protección de Datos");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Talked about her daughter's wedding and the renewal", "Wants a quote for 20 seats", null));
        await db.AddOrderAsync(maria, "CRM-PRO", 12_000m);
        await db.GrantAsync(maria, ConsentPurpose.Marketing, ContactChannel.Email);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Export_PrivacyOfficer_GetsALinkToEverythingHeld_AndBothStepsAreAudited()
    {
        var turn = (await App.Chat(Connector, Officer).SendAsync("export maria.nunez@acme.es")).ShouldSay("Export for María Núñez");
        var link = ExportLink(turn);

        using var response = await App.CreateClient().GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("María Núñez", (string?)document["customer"]!["name"]);
        Assert.Equal("Ana García", (string?)document["customer"]!["accountOwner"]);
        Assert.Contains(document["handles"]!.AsArray(), h => (string?)h!["value"] == "+34600123456");
        Assert.Equal("Talked about her daughter's wedding and the renewal", (string?)document["interactions"]![0]!["summary"]);
        Assert.Equal(12_000m, (decimal?)document["orders"]![0]!["amount"]);
        Assert.True((bool?)document["consents"]![0]!["granted"]);
        Assert.Empty(document["merges"]!.AsArray());
        Assert.Empty(document["tierHistory"]!.AsArray());
        Assert.Contains(document["accessLog"]!.AsArray(), a => (string?)a!["action"] == "ExportRequested" && (string?)a["by"] == "Ana Belén Galíndez");
        Assert.Equal([AuditAction.ExportRequested, AuditAction.ExportDownloaded],
            await App.WithDatabaseAsync(db => db.AuditEntries.OrderBy(a => a.At).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ExportLink_Altered_Gets404AndNothing()
    {
        var turn = await App.Chat(Connector, Officer).SendAsync("export maria.nunez@acme.es");
        var link = ExportLink(turn).AbsoluteUri;
        var altered = link[..^3] + (link[^3] == 'A' ? "BAA" : "AAA");

        using var response = await App.CreateClient().GetAsync(new Uri(altered));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("María", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(AuditAction.ExportDownloaded, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ExportAndErase_Rep_AreRefusedAndNothingChanges()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync("export maria.nunez@acme.es")).ShouldSay("Only a privacy officer can export");
        (await chat.SendAsync("borrar maria.nunez@acme.es")).ShouldSay("Only a privacy officer can erase");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.DisplayName == "María Núñez")));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Erase_AfterConfirmation_AnonymisesButKeepsOrders_AndTheCustomerCanNoLongerBeFound()
    {
        var officer = App.Chat(Connector, Officer);
        (await officer.SendAsync("erase maria.nunez@acme.es")).ShouldSay("Erase a customer's personal data?", "María Núñez (Acme Ibérica)", "cannot be undone");
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync()));

        (await officer.PressAsync("Erase for good")).ShouldSay("María Núñez has been erased", "Handles removed: 2", "Interactions redacted: 1", "Orders kept (anonymous): 1");

        var customer = await App.WithDatabaseAsync(db => db.Customers.SingleAsync());
        Assert.StartsWith("Erased customer ", customer.DisplayName, StringComparison.Ordinal);
        Assert.Null(customer.Company);
        Assert.NotNull(customer.ErasedAt);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync()));
        Assert.Equal(Interaction.ErasedText, await App.WithDatabaseAsync(db => db.Interactions.Select(i => i.Summary).SingleAsync()));
        Assert.Equal(12_000m, await App.WithDatabaseAsync(db => db.Orders.Select(o => o.Amount).SingleAsync()));
        Assert.Contains(AuditAction.Erased, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
        Assert.False(await App.WithDatabaseAsync(db => db.SearchWordVariants.AnyAsync(v => v.Word == "nunez" || v.Word == "acme")));
        Assert.False(await App.WithDatabaseAsync(db => db.CustomerSearchTerms.AnyAsync(t => t.Word == "nunez")));

        var rep = App.Chat(Connector, CrmData.Ana);
        var find = (await rep.SendAsync("find maria.nunez@acme.es")).ShouldSay("No customer found");
        Assert.DoesNotContain("Acme", (await rep.SendAsync("find nunez")).Text, StringComparison.Ordinal);
        Assert.NotNull(find);
    }

    [Fact]
    public async Task Erase_ConfirmationPressedTooLate_ErasesNothing()
    {
        var officer = App.Chat(Connector, Officer);
        await officer.SendAsync("erase maria.nunez@acme.es");

        (await officer.PressAsync("Erase for good", ("issuedAt", "1700000000"))).ShouldSay("confirmation has expired");

        Assert.Equal("María Núñez", await App.WithDatabaseAsync(db => db.Customers.Select(c => c.DisplayName).SingleAsync()));
        Assert.DoesNotContain(AuditAction.Erased, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Privacy_OfficerInSpanish_SeesThePreferencesPerPurposeAndChannel_AndTheViewIsAudited()
    {
        var turn = (await App.Chat(Connector, Officer, locale: "es-ES").SendAsync("privacidad maria.nunez@acme.es"))
            .ShouldSay("Privacidad de María Núñez", "Reglas de consentimiento de ES", "Correo electrónico", "✅ sí");

        Assert.Contains("⛔ no", turn.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync()));
        Assert.Equal(Domain.Access.CustomerField.Identity | Domain.Access.CustomerField.Consents, entry.Fields);
    }

    [Fact]
    public async Task Help_ListsPrivacyCommandsForThePrivacyOfficerOnly()
    {
        var officer = (await App.Chat(Connector, Officer).SendAsync("help")).ShouldSay("export <customer>", "erase <customer>");
        Assert.DoesNotContain("case new", officer.Text, StringComparison.Ordinal);

        var rep = (await App.Chat(Connector, CrmData.Ana).SendAsync("help")).ShouldSay("case new <customer>");
        Assert.DoesNotContain("erase <customer>", rep.Text, StringComparison.Ordinal);
    }

    private static Uri ExportLink(Turn turn)
    {
        var card = turn.Messages.Single(m => m.Card is not null);
        var action = card.Buttons.Single(b => (string?)b["type"] == "Action.OpenUrl");
        return new Uri((string)action["url"]!);
    }
}
