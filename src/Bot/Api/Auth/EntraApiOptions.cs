namespace ChatCrm.Bot.Api.Auth;

/// <summary>
/// The Entra ID app registration that integrations get app-only tokens for (<c>Api:Entra</c>). Without a tenant and an
/// audience, bearer tokens are refused (API keys still work): nothing is guessed.
/// </summary>
public sealed class EntraApiOptions
{
    public const string SectionName = "Api:Entra";

    /// <summary>The directory (tenant) id: the only tenant whose tokens are accepted (<c>tid</c> and issuer).</summary>
    public string? TenantId { get; set; }

    /// <summary>The Application ID URI or client id of ChatCrm's API registration (the token's <c>aud</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>The sign-in authority host; the national clouds have their own.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    public bool IsConfigured => Guid.TryParse(TenantId, out _) && !string.IsNullOrWhiteSpace(Audience);

    /// <summary>Both issuers Entra ID writes for the tenant: v2.0 tokens and v1.0 (sts.windows.net) tokens.</summary>
    public IReadOnlyList<string> ValidIssuers() =>
    [
        new Uri(Instance, $"{TenantId}/v2.0").ToString(),
        $"https://sts.windows.net/{TenantId}/",
    ];

    public string MetadataAddress() => new Uri(Instance, $"{TenantId}/v2.0/.well-known/openid-configuration").ToString();
}
