using System.Net;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>Replies go only to Slack's own hosts over HTTPS (and to loopback in Development, for local fakes).</summary>
public sealed class ResponseUrlPolicy(IOptions<SlackOptions> options, IHostEnvironment environment)
{
    public bool Allows(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
            return false;
        if (environment.IsDevelopment() && IsLoopback(url))
            return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;
        return url.Scheme == Uri.UriSchemeHttps
            && options.Value.AllowedResponseUrlHosts.Any(h => string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
