using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// One issuer's OpenID metadata and signing keys, cached by the IdentityModel configuration manager (refreshed
/// daily, or on demand when a token names a key id we have not seen).
/// </summary>
internal sealed class SigningKeySource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;

    public SigningKeySource(Uri metadataUrl, HttpClient httpClient) =>
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl.ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClient) { RequireHttps = metadataUrl.Scheme == Uri.UriSchemeHttps });

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) => _metadata.GetConfigurationAsync(cancellationToken);

    public void RequestRefresh() => _metadata.RequestRefresh();
}
