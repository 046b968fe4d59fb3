using ChatCrm.Bot.Conversations;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Sends one outbox message through its channel's <see cref="IReplyDelivery"/> and records the outcome right after the
/// send (so the window in which a crash repeats a reply stays as small as it can be): delivered, with its body forgotten;
/// refused for good, marked failed with the channel's reason and never retried; or failed for now, tried again after an
/// exponential backoff, and given up (logged, left for an operator) after <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class OutboxSender(IEnumerable<IReplyDelivery> deliveries, OutboxStore store, IOptions<OutboxOptions> options, ILogger<OutboxSender> logger)
{
    /// <summary>True when the conversation may go on to its next message (this one delivered or refused); false when it must wait for a retry.</summary>
    public async Task<bool> SendAsync(OutboxMessage message, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var delivery = deliveries.FirstOrDefault(d => d.Channel == message.Channel)
                ?? throw new ReplyRefusedException($"no_delivery_for_channel_{message.Channel}");
            await delivery.DeliverAsync(message.Address, message.Body ?? string.Empty, cancellationToken);
        }
        catch (ReplyRefusedException refused)
        {
            await store.RefuseAsync(message.Id, owner, refused.Message, CancellationToken.None);
            LogRefused(logger, message.Id, message.Channel, refused.Message);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, message.Attempts)));
            var reason = failure is ReplyDeliveryException ? failure.Message : failure.GetType().Name;
            var status = await store.FailAsync(message.Id, owner, reason, backoff, options.Value.MaxAttempts, CancellationToken.None);
            if (status == OutboxStatus.Failed)
                LogGivenUp(logger, failure, message.Id, message.Channel, message.Attempts);
            else
                LogWillRetry(logger, message.Id, message.Channel, message.Attempts, backoff);
            return false;
        }
        // Marked at once, whatever the caller's token says: the reply has gone out.
        if (!await store.MarkDeliveredAsync(message.Id, owner, CancellationToken.None))
            LogLostClaim(logger, message.Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {MessageId} was refused by {Channel} for good ({Reason}); marked failed, not retried")]
    private static partial void LogRefused(ILogger logger, Guid messageId, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply {MessageId} to {Channel} was given up after {Attempts} attempts; it stays in the outbox as failed for an operator")]
    private static partial void LogGivenUp(ILogger logger, Exception exception, Guid messageId, string channel, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {MessageId} to {Channel} failed on attempt {Attempts}; trying again in {Backoff}")]
    private static partial void LogWillRetry(ILogger logger, Guid messageId, string channel, int attempts, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {MessageId} was sent after its claim ran out; another worker may send it again")]
    private static partial void LogLostClaim(ILogger logger, Guid messageId);
}
