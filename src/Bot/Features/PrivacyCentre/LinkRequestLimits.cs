using System.Threading.RateLimiting;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// How often sign-in links may be asked for: per client IP per minute and per e-mail address per hour (fixed windows,
/// on this instance). The address counts whether or not a customer has it, so the limit tells nobody which addresses
/// are known; addresses are kept only as hashes.
/// </summary>
public sealed class LinkRequestLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perIp;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public LinkRequestLimits(IOptions<PrivacyCentreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _perIp = Window(settings.LinkRequestsPerIpPerMinute, TimeSpan.FromMinutes(1));
        _perAddress = Window(settings.LinkRequestsPerAddressPerHour, TimeSpan.FromHours(1));
    }

    /// <returns>Whether this request may go ahead; a refused one should be answered with 429.</returns>
    public bool TryAcquire(string clientIp, string address)
    {
        using var ip = _perIp.AttemptAcquire(clientIp);
        if (!ip.IsAcquired)
            return false;
        using var perAddress = _perAddress.AttemptAcquire(SecretToken.Hash(address.Trim().ToUpperInvariant()));
        return perAddress.IsAcquired;
    }

    public void Dispose()
    {
        _perIp.Dispose();
        _perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
