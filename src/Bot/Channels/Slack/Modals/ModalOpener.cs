using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// Opens a modal while the request that brought its trigger id is still open: a trigger id is good for 3 seconds
/// and once, so the call cannot wait for the worker. It is bounded by <see cref="Patience"/>; when Slack refuses or
/// is slow the answer is false, and the caller falls back to answering in chat, so nobody is left without an answer.
/// </summary>
public sealed partial class ModalOpener(SlackWebApiClient client, ILogger<ModalOpener> logger)
{
    /// <summary>Leaves room inside Slack's 3 seconds for the signature check and the fallback's inbox write.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <param name="what">Which modal, for the log line when it cannot be opened ("log", "case", "search").</param>
    /// <param name="workspace">The workspace the trigger id came from (its bot token opens the modal).</param>
    public async Task<bool> TryOpenAsync(SlackWorkspace workspace, string triggerId, JsonObject view, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        try
        {
            await client.OpenViewAsync(workspace, triggerId, view, deadline.Token);
            return true;
        }
        catch (SlackApiException failure)
        {
            LogNotOpened(logger, what, failure.Error);
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotOpened(logger, what, "timeout");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the {What} modal ({Error}); answering in chat instead")]
    private static partial void LogNotOpened(ILogger logger, string what, string error);
}
