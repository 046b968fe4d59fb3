using System.Net;
using ChatCrm.Infrastructure.Integrations;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>A host without Entra settings fails closed for bearer tokens and still takes API keys.</summary>
public sealed class ApiWithoutEntraTests : ApiTestBase
{
    protected override bool ConfigureEntra => false;

    [Fact]
    public async Task Get_EntraNotConfigured_RefusesAValidTokenButAcceptsAnApiKey()
    {
        using var tokenClient = ClientWithToken(Entra.Token(["Crm.Read"]));
        using var keyClient = ClientWithKey(await CreateApiKeyAsync("erp", ApiScopes.Read));
        var path = $"/api/v1/customers/{Customer.Id.Value}";

        using var refused = await tokenClient.GetAsync(path);
        using var accepted = await keyClient.GetAsync(path);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
    }
}
