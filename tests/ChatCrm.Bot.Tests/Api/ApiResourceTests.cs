using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>The resources end to end: what a write stores, what a read returns, and what each write leaves in the audit trail.</summary>
public sealed class ApiResourceTests : ApiTestBase
{
    [Fact]
    public async Task PostCustomer_NewExternalId_StoresTheCustomerWithNormalisedHandlesAndOwner()
    {
        using var client = await FullClientAsync();

        using var response = await PostAsync(client, "/api/v1/customers", NewCustomer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CUST-NEW", body.GetProperty("externalId").GetString());
        Assert.Equal(Rep.Id.Value, body.GetProperty("ownerId").GetGuid());
        Assert.Contains(body.GetProperty("identities").EnumerateArray(), i => i.GetProperty("value").GetString() == "+34612345678");
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task GetCustomers_ByExternalIdEmailOrName_FindsTheCustomer()
    {
        using var client = await FullClientAsync();
        using var created = await PostAsync(client, "/api/v1/customers", NewCustomer());

        var byExternalId = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?externalId=cust-new");
        var byEmail = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?email=Jorge.Pena@example.es");
        var byName = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=pena");

        Assert.All(new[] { byExternalId, byEmail, byName }, found =>
            Assert.Equal("Jorge Peña", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("name").GetString()));
    }

    [Fact]
    public async Task PostDeposit_LargeAmount_QueuesAnOfferSuggestionForTheOwner()
    {
        using var client = await FullClientAsync();

        using var response = await PostAsync(client, "/api/v1/deposits", new
        {
            externalId = "DEP-1", customerExternalId = CustomerExternalId, productCode = "TERM-12", amount = 25_000m, currency = "EUR", placedAt = DateTimeOffset.UtcNow.AddHours(-1),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var queued = await App.WithDatabaseAsync(db => db.QueuedOfferSuggestions.SingleAsync(q => q.CustomerId == Customer.Id));
        Assert.Equal(OfferTriggerKind.LargeDeposit, queued.Trigger);
        Assert.Equal("Deposits", await App.WithDatabaseAsync(db => db.Orders.Select(o => o.Category).SingleAsync()));
    }

    [Fact]
    public async Task PostOrder_SameExternalIdCorrected_Returns200AndKeepsOneOrder()
    {
        using var client = await FullClientAsync();
        var placedAt = DateTimeOffset.UtcNow.AddDays(-2);
        using var first = await PostAsync(client, "/api/v1/orders", new { externalId = "ORD-7", customerExternalId = CustomerExternalId, productCode = "BOOK", amount = 20m, currency = "GBP", placedAt });

        using var corrected = await PostAsync(client, "/api/v1/orders", new { externalId = "ORD-7", customerExternalId = CustomerExternalId, productCode = "BOOK", amount = 22.5m, currency = "GBP", placedAt });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, corrected.StatusCode));
        Assert.Equal(22.5m, await App.WithDatabaseAsync(db => db.Orders.Select(o => o.Amount).SingleAsync()));
    }

    [Fact]
    public async Task PostConsent_Withdrawal_IsRecordedWithItsSourceAndAudited()
    {
        using var client = await FullClientAsync();

        using var response = await PostAsync(client, "/api/v1/consents", new
        {
            externalId = "CONS-1", customerExternalId = CustomerExternalId, purpose = "Marketing", channel = "Email", granted = false, source = "unsubscribe link", recordedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var record = await App.WithDatabaseAsync(db => db.ConsentRecords.SingleAsync());
        Assert.Equal((false, "unsubscribe link"), (record.Granted, record.Source));
        var audit = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.RecordedConsent));
        Assert.StartsWith("apikey:", audit.Client, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identities_AddThenRemove_ChangesTheCustomersHandles()
    {
        using var client = await FullClientAsync();
        var path = $"/api/v1/customers/{Customer.Id.Value}/identities";

        using var added = await PostAsync(client, path, new { kind = "LoyaltyNumber", value = "LOY-778899" });
        var identity = await added.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync(i => i.Kind == IdentityKind.LoyaltyNumber));
        using var removed = await client.DeleteAsync($"{path}/{identity.GetProperty("id").GetGuid()}");

        Assert.Equal((HttpStatusCode.Created, 1, HttpStatusCode.NoContent), (added.StatusCode, stored, removed.StatusCode));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync(i => i.Kind == IdentityKind.LoyaltyNumber)));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AddedIdentity || a.Action == AuditAction.RemovedIdentity)));
    }

    [Fact]
    public async Task Users_CreateThenList_ShowsTheNewUserWithManager()
    {
        using var client = await FullClientAsync();

        using var created = await PostAsync(client, "/api/v1/users", new
        {
            externalId = "E-2001", email = "Luis.Gil@Example.com", name = "Luis Gil", role = "sales rep", team = "Ventas", manager = RepEmail, timeZone = "Europe/Madrid", language = "es-ES",
        });
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/users?limit=10");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var luis = Assert.Single(list.GetProperty("items").EnumerateArray(), u => u.GetProperty("externalId").GetString() == "E-2001");
        Assert.Equal(("luis.gil@example.com", "SalesRep", Rep.Id.Value), (luis.GetProperty("email").GetString(), luis.GetProperty("role").GetString(), luis.GetProperty("managerId").GetGuid()));
    }
}
