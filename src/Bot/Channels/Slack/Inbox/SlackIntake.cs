using ChatCrm.Infrastructure.Persistence.Inbox;

namespace ChatCrm.Bot.Channels.Slack.Inbox;

/// <summary>
/// Stores accepted Slack work in the inbox (through <see cref="SlackInboxWriter"/>) and waits for it only until the
/// request's <see cref="SlackAckDeadline"/>: normally the work is stored well before, and the acknowledgement means
/// "stored". When the database is slower than the budget the endpoint acknowledges anyway and the write finishes in the
/// background — the trade-off is written down in docs/scaling.md. A failure within the budget still reaches the caller
/// (Slack gets a 500 and retries).
/// </summary>
public sealed partial class SlackIntake(SlackInboxWriter writer, SlackAckDeadline deadline, ILogger<SlackIntake> logger)
{
    public async Task AcceptAsync(string kind, string dedupKey, SlackInboxItem work, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentException.ThrowIfNullOrEmpty(dedupKey);
        var key = dedupKey.Length <= InboxItem.MaxDedupKeyLength ? dedupKey : dedupKey[..InboxItem.MaxDedupKeyLength];
        if (writer.Start(kind, key, work, retryNumber) is not { } write)
        {
            LogDuplicateInFlight(logger, kind, retryNumber);
            return;
        }
        try
        {
            // Stored (or failed) in time: a failure surfaces here, and Slack retries the request.
            await write.Stored.WaitAsync(deadline.Token);
            return;
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
        }
        if (!write.TryAckBeforeStored())
        {
            await write.Stored.WaitAsync(cancellationToken); // it failed just as the budget ran out: the request reports it
            return;
        }
        LogAckedBeforeStored(logger, kind);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a repeated Slack {Kind} (retry number {RetryNumber}): the first delivery is still being stored")]
    private static partial void LogDuplicateInFlight(ILogger logger, string kind, int retryNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledged a Slack {Kind} before the database stored it (the ack budget was spent); the write goes on in the background")]
    private static partial void LogAckedBeforeStored(ILogger logger, string kind);
}
