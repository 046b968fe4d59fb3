using System.Net;
using System.Text;
using ChatCrm.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>
/// Every kind of bad input the issue lists, through the real host: a 400 that names the field, and nothing stored —
/// never a 500.
/// </summary>
public sealed class ApiBadInputTests : ApiTestBase
{
    private static string Order(string amount = "125.50", string currency = "\"EUR\"", string placedAt = "\"2026-01-15T10:00:00Z\"",
        string customer = "\"" + CustomerExternalId + "\"", string extra = "") =>
        $$"""{"externalId":"ORD-1","customerExternalId":{{customer}},"productCode":"FUND-A","amount":{{amount}},"currency":{{currency}},"placedAt":{{placedAt}}{{extra}}}""";

    public static TheoryData<string, string, string> BadRequests => new()
    {
        // path, body, the field that must be named
        { "/api/v1/orders", Order(amount: "\"a lot\""), "amount" },
        { "/api/v1/orders", Order(amount: "-10"), "amount" },
        { "/api/v1/orders", Order(amount: "0"), "amount" },
        { "/api/v1/orders", Order(amount: "999999999999"), "amount" },
        { "/api/v1/orders", Order(amount: "10.123"), "amount" },
        { "/api/v1/orders", Order(amount: "1e400"), "amount" },
        { "/api/v1/orders", Order(currency: "\"XYZ\""), "currency" },
        { "/api/v1/orders", Order(currency: "\"euros\""), "currency" },
        { "/api/v1/orders", Order(placedAt: "\"2999-01-01T00:00:00Z\""), "placedAt" },
        { "/api/v1/orders", Order(placedAt: "\"0001-01-01T00:00:00Z\""), "placedAt" },
        { "/api/v1/orders", Order(placedAt: "\"yesterday\""), "placedAt" },
        { "/api/v1/orders", Order(customer: "\"NOBODY-42\""), "customerExternalId" },
        { "/api/v1/orders", Order(extra: ",\"amout\":5"), "amout" },
        { "/api/v1/orders", Order(extra: ",\"amount\":7"), "amount" },
        { "/api/v1/orders", """{"externalId":"ORD-1","customerExternalId":"CUST-1","productCode":"FUND-A","currency":"EUR","placedAt":"2026-01-15T10:00:00Z"}""", "amount" },
        { "/api/v1/orders", """{"externalId":"ORD-1","customerExternalId":"CUST-1","productCode":"FUND-A","amount":5,"currency":"EUR"}""", "placedAt" },
        { "/api/v1/orders", """{"externalId":"ORD-1","customerExternalId":"CUST-1","amount":5,"currency":"EUR","placedAt":"2026-01-15T10:00:00Z"}""", "productCode" },
        { "/api/v1/orders", "[1,2,3]", "body" },
        { "/api/v1/orders", "{\"externalId\":", "externalId" },
        { "/api/v1/consents", """{"externalId":"C-1","customerExternalId":"CUST-1","purpose":"Spam","channel":"Email","granted":true,"source":"web form","recordedAt":"2026-01-15T10:00:00Z"}""", "purpose" },
        { "/api/v1/consents", """{"externalId":"C-1","customerExternalId":"CUST-1","purpose":"Marketing","channel":"Pigeon","granted":true,"source":"web form","recordedAt":"2026-01-15T10:00:00Z"}""", "channel" },
        { "/api/v1/consents", """{"externalId":"C-1","customerExternalId":"CUST-1","purpose":"Marketing","channel":"Email","granted":"yes","source":"web form","recordedAt":"2026-01-15T10:00:00Z"}""", "granted" },
        { "/api/v1/consents", """{"externalId":"C-1","customerExternalId":"CUST-1","purpose":"Marketing","channel":"Email","granted":true,"recordedAt":"2026-01-15T10:00:00Z"}""", "source" },
        { "/api/v1/customers", """{"externalId":"CUST-9","name":"Ana","country":"Atlantis","owner":"ana@example.com"}""", "country" },
        { "/api/v1/customers", """{"externalId":"CUST-9","name":"Ana","country":"ES","owner":"nobody@example.com"}""", "owner" },
        { "/api/v1/customers", """{"externalId":"CUST-9","name":"Ana","country":"ES","email":"not-an-email"}""", "email" },
        { "/api/v1/customers", """{"externalId":"CUST-9","country":"ES"}""", "name" },
        { "/api/v1/customers", """{"externalId":"CUST-9","name":42,"country":"ES"}""", "name" },
        { "/api/v1/customers", "{\"externalId\":\"CUST-9\",\"name\":\"" + new string('x', 5000) + "\",\"country\":\"ES\"}", "name" },
        { "/api/v1/customers", """{"externalId":"CUST-9","name":"Ana","country":"ES","email":"maria@example.es"}""", "email" },
        { "/api/v1/users", """{"externalId":"E-1","email":"luis@example.com","name":"Luis","role":"Overlord","timeZone":"Europe/Madrid"}""", "role" },
        { "/api/v1/users", """{"externalId":"E-1","email":"luis@example.com","name":"Luis","role":"SalesRep","timeZone":"Mars/Olympus"}""", "timeZone" },
        { "/api/v1/users", """{"externalId":"E-1","email":"luis@example.com","name":"Luis","role":"SalesRep","timeZone":"Europe/Madrid","manager":"ghost@example.com"}""", "manager" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_Returns400NamingTheFieldAndStoresNothing(string path, string body, string field)
    {
        using var client = await FullClientAsync();
        await App.WithDatabaseAsync(async db =>
        {
            // A handle taken by the arranged customer, for the duplicate-handle case.
            var customer = await db.Customers.Include(c => c.Identities).SingleAsync();
            customer.AddIdentity(Domain.Customers.IdentityKind.Email, "maria@example.es");
            await db.SaveChangesAsync();
        });
        var before = await CountsAsync();

        using var response = await PostRawAsync(client, path, Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await FieldsBlamedAsync(response));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Post_InvalidUtf8InAField_Returns400NamingTheField()
    {
        using var client = await FullClientAsync();
        var body = Encoding.UTF8.GetBytes("""{"externalId":"CUST-9","name":"Mar""").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("""a","country":"ES"}""")).ToArray();

        using var response = await PostRawAsync(client, "/api/v1/customers", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", await FieldsBlamedAsync(response));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(UndecodableText.JsonFaults), MemberType = typeof(UndecodableText))]
    public async Task Post_UndecodableText_Returns400NamingTheFieldAndStoresNothing(string fault)
    {
        using var client = await FullClientAsync();
        var before = await CountsAsync();
        var (body, contentType) = UndecodableText.Json($$"""{"externalId":"CUST-9","name":"{{UndecodableText.Marker}}","country":"ES"}""", fault);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fault == "declared non-UTF-8 charset" ? "Content-Type" : "name", await FieldsBlamedAsync(response));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Post_ExistingExternalId_Returns409AndChangesNothing()
    {
        using var client = await FullClientAsync();

        using var response = await PostAsync(client, "/api/v1/customers", new { externalId = CustomerExternalId, name = "Otra Persona", country = "ES" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("María Núñez", await App.WithDatabaseAsync(db => db.Customers.Select(c => c.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Get_UnknownCustomer_Returns404Problem()
    {
        using var client = await FullClientAsync();

        using var response = await client.GetAsync($"/api/v1/customers/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_DemotingTheLastAdmin_Returns400NamingTheRole()
    {
        using var client = await FullClientAsync();
        var boss = await App.WithDatabaseAsync(async db =>
        {
            var admin = new ChatCrm.Domain.Users.User(ChatCrm.Domain.Users.UserId.New(), "Boss", ChatCrm.Domain.Users.UserRole.Admin, null, "Europe/Madrid", "es");
            admin.UseEmail("boss@example.com");
            db.Users.Add(admin);
            await db.SaveChangesAsync();
            return admin.Id.Value;
        });
        using var read = await client.GetAsync($"/api/v1/users/{boss}");

        using var response = await PatchAsync(client, $"/api/v1/users/{boss}", new { role = "SalesRep" }, read.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role", await FieldsBlamedAsync(response));
    }

    [Fact]
    public async Task Post_NewUserAsAdmin_Returns400NamingTheRoleAndAddsNobody()
    {
        using var client = await FullClientAsync();
        var before = await CountsAsync();

        using var created = await PostAsync(client, "/api/v1/users", new { externalId = "E-ADMIN", email = "boss@example.com", name = "Boss", role = "Admin", timeZone = "Europe/Madrid" });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("role", await FieldsBlamedAsync(created));
        Assert.Equal(before.Users, (await CountsAsync()).Users);
    }

    [Fact]
    public async Task Patch_GivingTheAdminRole_Returns202PendingAndKeepsTheRole()
    {
        using var client = await FullClientAsync();
        using var created = await PostAsync(client, "/api/v1/users", new { externalId = "E-REP", email = "rep@example.com", name = "Rep", role = "SalesRep", timeZone = "Europe/Madrid" });
        using var read = await client.GetAsync(created.Headers.Location);

        using var response = await PatchAsync(client, created.Headers.Location!.ToString(), new { role = "Admin" }, read.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("pending", "Admin", "SalesRep"), ((string?)body["roleGrant"], (string?)body["requestedRole"], (string?)body["user"]?["role"]));
        var grant = await App.WithDatabaseAsync(db => db.RoleGrantRequests.SingleAsync());
        Assert.Equal((ChatCrm.Domain.Users.RoleGrantStatus.Pending, (ChatCrm.Domain.Users.UserId?)null), (grant.Status, grant.RequestedBy));
        Assert.NotNull(grant.RequestedByClient);
        Assert.Equal(ChatCrm.Domain.Users.UserRole.SalesRep, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "rep@example.com").Select(u => u.Role).SingleAsync()));
    }

    private Task<(int Customers, int Identities, int Orders, int Consents, int Users, int Audit)> CountsAsync() =>
        App.WithDatabaseAsync(async db => (await db.Customers.CountAsync(), await db.CustomerIdentities.CountAsync(), await db.Orders.CountAsync(),
            await db.ConsentRecords.CountAsync(), await db.Users.CountAsync(), await db.AuditEntries.CountAsync()));
}
