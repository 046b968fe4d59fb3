using ChatCrm.Bot.Inbox;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Infrastructure.Persistence.Inbox;

namespace ChatCrm.Bot.Channels.Slack.Inbox;

/// <summary>
/// Writes accepted Slack work into the inbox, each write in a DI scope of its own so it may outlive the request that
/// started it (when the database is slower than the ack budget). A write is tried up to <see cref="Attempts"/> times
/// (the unique dedup key makes a repeat harmless); this instance remembers the keys it is still writing, so a retry
/// Slack sends meanwhile is dropped at once instead of queuing behind the slow database. When a write that was already
/// acknowledged fails for good, the user of a command or button press is told in chat (through its response_url) to
/// try again; an event can only be logged — Slack does not retry what was acknowledged. On shutdown the host waits for
/// writes still going.
/// </summary>
public sealed partial class SlackInboxWriter(IServiceScopeFactory scopes, InboxSignal signal, TimeProvider time, ILogger<SlackInboxWriter> logger)
    : IHostedService
{
    public const int Attempts = 3;

    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    private readonly ConcurrentDictionary<string, PendingInboxWrite> _pending = new(StringComparer.Ordinal);

    /// <summary>Starts storing the work; null when this instance is already storing the same delivery.</summary>
    public PendingInboxWrite? Start(string kind, string dedupKey, SlackInboxItem work, int retryNumber)
    {
        ArgumentNullException.ThrowIfNull(work);
        var write = new PendingInboxWrite();
        if (!_pending.TryAdd(dedupKey, write))
            return null;
        write.Stored = Task.Run(() => WriteAsync(write, kind, dedupKey, work, retryNumber));
        return write;
    }

    private async Task WriteAsync(PendingInboxWrite write, string kind, string dedupKey, SlackInboxItem work, int retryNumber)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await StoreAsync(kind, dedupKey, work, retryNumber);
                    return;
                }
                catch (Exception failure) when (attempt < Attempts)
                {
                    LogAttemptFailed(logger, failure, kind, attempt);
                    await Task.Delay(Pauses[attempt - 1], time);
                }
                catch (Exception failure) when (!write.TryFailToCaller())
                {
                    // Already acknowledged: nobody is waiting for this exception, so say it where it can be heard.
                    LogLost(logger, failure, kind, Attempts);
                    await TellTheUserAsync(work);
                    return;
                }
            }
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, PendingInboxWrite>(dedupKey, write));
        }
    }

    private async Task StoreAsync(string kind, string dedupKey, SlackInboxItem work, int retryNumber)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxStore>();
        // Not the request's token: the write may go on after the request has been answered.
        var outcome = await inbox.AcceptAsync(SlackInboxItem.InboxChannel, kind, dedupKey, work.ToJson(), CancellationToken.None, work.OrderingKey);
        if (outcome == InboxAcceptance.Duplicate)
            LogDuplicate(logger, kind, retryNumber);
        else
            signal.Notify();
    }

    /// <summary>In both languages: without the database there is no stored locale to choose one.</summary>
    private async Task TellTheUserAsync(SlackInboxItem work)
    {
        if (work.ResponseUrl is not { } responseUrl)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<SlackWebApiClient>();
            await client.RespondAsync(responseUrl, new JsonObject
            {
                ["response_type"] = "ephemeral",
                ["replace_original"] = false,
                ["text"] = LostText,
            }, CancellationToken.None);
        }
        catch (Exception failure) when (failure is HttpRequestException or SlackApiException or TaskCanceledException)
        {
            LogNotTold(logger, failure);
        }
    }

    public const string LostText =
        "Sorry, I could not take that in: the CRM database is not answering right now. Nothing was saved; please try again in a minute.\n" +
        "Lo siento, no he podido recoger tu petición: la base de datos del CRM no responde ahora mismo. No se ha guardado nada; inténtalo de nuevo en un minuto.";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits (as long as the host allows) for writes still going: each is work Slack believes was taken.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var going = _pending.Values.Select(w => w.Stored).ToArray();
        if (going.Length == 0)
            return;
        LogDraining(logger, going.Length);
        try
        {
            await Task.WhenAll(going).WaitAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Each write has reported its own failure.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a repeated Slack {Kind} (retry number {RetryNumber}): it was accepted before")]
    private static partial void LogDuplicate(ILogger logger, string kind, int retryNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a Slack {Kind} failed (attempt {Attempt}); trying again")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Slack {Kind} was acknowledged but could not be stored after {Attempts} attempts: it is lost (a command's user is told to try again)")]
    private static partial void LogLost(ILogger logger, Exception exception, string kind, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the user that their Slack request was lost")]
    private static partial void LogNotTold(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} Slack request(s) still being stored before stopping")]
    private static partial void LogDraining(ILogger logger, int count);
}

/// <summary>
/// One write in progress and who answers for its failure: the request, while it is still waiting (it gets the
/// exception and Slack gets a 500), or the writer, once the request has been acknowledged. Exactly one of them does.
/// </summary>
public sealed class PendingInboxWrite
{
    private const int Waiting = 0;
    private const int Acknowledged = 1;
    private const int FailedToCaller = 2;
    private int _state;

    /// <summary>Completes when the work is stored (or was already); faults when the write failed while the request still waited.</summary>
    public Task Stored { get; internal set; } = Task.CompletedTask;

    /// <summary>The request gives up waiting; false when the write has already failed to it (then it must rethrow).</summary>
    public bool TryAckBeforeStored() => Interlocked.CompareExchange(ref _state, Acknowledged, Waiting) == Waiting;

    /// <summary>The write failed for good; true when the request is still waiting and will get the exception.</summary>
    internal bool TryFailToCaller() => Interlocked.CompareExchange(ref _state, FailedToCaller, Waiting) == Waiting;
}
