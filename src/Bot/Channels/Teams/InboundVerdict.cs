namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// The verdict on an inbound request: allowed, or why not (for the log; the caller only sees 401). A validated
/// token may also name the service URL it was issued for and the channels its signing key is endorsed for; the
/// activity must then match both.
/// </summary>
/// <param name="TokenServiceUrl">The token's <c>serviceurl</c> claim; null when the token carries none (emulator-style tokens) or no token was required.</param>
/// <param name="Endorsements">The channels the signing key is endorsed for; null when the key makes no such claim (Entra keys) or no token was required.</param>
public sealed record InboundVerdict(bool Allowed, string Reason, string? TokenServiceUrl = null, IReadOnlySet<string>? Endorsements = null)
{
    /// <summary>
    /// True when the token vouches for this activity: the same serviceUrl when the token names one, and the
    /// activity's channel among the key's endorsements when the key lists any. Bot Framework channel tokens
    /// always name both (the authenticator refuses them otherwise).
    /// </summary>
    public bool Covers(string? activityServiceUrl, string? activityChannelId) =>
        Allowed
        && (TokenServiceUrl is null || string.Equals(TokenServiceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        && (Endorsements is null || (activityChannelId is not null && Endorsements.Contains(activityChannelId)));
}
