using ChatCrm.Bot.Channels.Slack.Commands;
using ChatCrm.Bot.Channels.Slack.WebApi;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// Opens the log modal for <c>/crm log</c> while the request is still open: a trigger id is good for 3 seconds
/// and once, so the call cannot wait for the worker. It is bounded by <see cref="Patience"/>; when Slack refuses
/// or is slow, the caller falls back to the step-by-step dialog in chat, so the user is never left without an answer.
/// </summary>
public sealed partial class LogModalOpener(SlackWebApiClient client, ILogger<LogModalOpener> logger)
{
    /// <summary>Leaves room inside Slack's 3 seconds for the signature check and the fallback's inbox write.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<bool> TryOpenAsync(SlashCommand command, string? customerQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        try
        {
            await client.OpenViewAsync(command.TriggerId, LogModal.View(customerQuery), deadline.Token);
            return true;
        }
        catch (SlackApiException failure)
        {
            LogFallback(logger, failure.Error);
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(logger, "timeout");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the log modal ({Error}); continuing as a chat dialog")]
    private static partial void LogFallback(ILogger logger, string error);
}
