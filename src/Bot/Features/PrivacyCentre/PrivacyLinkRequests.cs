using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.PrivacyCentre;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// Link e-mails the sign-in page asked for, kept in the durable inbox and sent after the page has answered. The page
/// stores the address it was given and nothing else, the same way whether or not a customer has it, so it takes as
/// long for an unknown address as for a known one; a slow mail server cannot hold a browser up; and a request the page
/// accepted survives a restart and is retried while the mail server is down. The address leaves the row once handled.
/// </summary>
public sealed partial class PrivacyLinkRequests(CrmDbContext db, CustomerEmailLookup customers, PrivacyLinkMail mail, InboxSignal signal, TimeProvider time,
    ILogger<PrivacyLinkRequests> logger) : IInboxHandler
{
    /// <summary>The inbox channel this handler serves.</summary>
    public const string InboxChannel = "privacy-link";

    private const string Kind = "link-request";

    public string Channel => InboxChannel;

    /// <summary>Stores the request for a link to <paramref name="normalisedEmail"/> and wakes the worker.</summary>
    public async Task AcceptAsync(string normalisedEmail, CancellationToken cancellationToken)
    {
        db.InboxItems.Add(new InboxItem(InboxChannel, Kind, $"{Kind}:{Guid.NewGuid():N}", normalisedEmail, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    /// <summary>
    /// Sends the link when a customer has the address. A mail server that fails throws, so the inbox tries again later;
    /// the worker completes the item (and forgets the address) once this returns.
    /// </summary>
    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await customers.FindAsync(item.Payload, cancellationToken) is not { } customer)
        {
            LogUnknownAddress(logger);
            return;
        }
        var outcome = await mail.SendAsync(customer, item.Payload, null, cancellationToken);
        LogOutcome(logger, outcome);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Privacy centre link asked for on the page: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, LinkMailOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Privacy centre link asked for on the page: no customer has the address")]
    private static partial void LogUnknownAddress(ILogger logger);
}
