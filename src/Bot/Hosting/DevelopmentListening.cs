using System.Net;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// Development runs with switches no real deployment may have (unauthenticated Teams calls, demo enrolment, demo data),
/// so in Development ChatCrm listens on loopback only: an address in <c>Urls</c> (or <c>ASPNETCORE_URLS</c>,
/// <c>--urls</c>), in a <c>Kestrel:Endpoints</c> entry, or <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (every interface) that is not
/// loopback stops start-up — unless <see cref="OverrideKey"/> is set, for a deliberately shared development machine.
/// </summary>
public static class DevelopmentListening
{
    public const string OverrideKey = "Hosting:DangerouslyListenBeyondLoopbackInDevelopment";

    /// <summary>Throws when Development would listen beyond loopback without the override.</summary>
    public static void EnsureLoopback(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment() || (bool.TryParse(configuration[OverrideKey], out var dangerously) && dangerously))
            return;
        var beyond = Addresses(configuration).Where(address => !IsLoopback(address)).ToList();
        if (beyond.Count > 0)
            throw new InvalidOperationException(
                $"In Development ChatCrm listens on loopback only (127.0.0.1, [::1] or localhost), but it is set to listen on {string.Join(", ", beyond)}. " +
                $"Use http://127.0.0.1:3978, or set {OverrideKey}=true if this development machine must be reachable from others.");
    }

    private static IEnumerable<string> Addresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return url;
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
                yield return url;
        }
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]))
                yield return $"{key}={configuration[key]} (every interface)";
        }
    }

    private static bool IsLoopback(string address)
    {
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) and host names other than localhost are not loopback; nor is a port list.
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
            return false;
        var rest = address[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
