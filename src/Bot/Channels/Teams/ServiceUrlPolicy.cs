using System.Net;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Only known Bot Connector hosts receive replies (and our token); loopback too in Development, for local tools.</summary>
public static class ServiceUrlPolicy
{
    public static bool TryAccept(string serviceUrl, TeamsOptions options, IHostEnvironment environment, out Uri normalized)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        normalized = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return false;

        var allowed = options.AllowedServiceUrlHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase))
            || (environment.IsDevelopment() && IsLoopback(uri));
        if (!allowed || (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri)))
            return false;

        // Relative paths resolve against the service URL only when it ends in a slash.
        normalized = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return true;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
