using System.Text;
using ChatCrm.Bot.Http;
using ChatCrm.Bot.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>A request whose signature has been checked: its body as text, and whether Slack says it is a retry.</summary>
public sealed record VerifiedSlackRequest(string Body, int RetryNumber);

/// <summary>How a Slack endpoint's body is encoded: events are JSON, commands and interactions a form.</summary>
public enum SlackBody
{
    Json,
    Form,
}

/// <summary>
/// Reads a Slack request's raw body (bounded) and checks its signature before anything looks inside it.
/// Refusals are 401 (logged with the reason, never the body) or 413; nothing is stored for either. A signed body whose
/// text cannot be read (<see cref="RequestText"/>) is a 400.
/// </summary>
public sealed partial class SlackRequestReader(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    public async Task<(VerifiedSlackRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, SlackBody kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (request.ContentLength > settings.MaxRequestBytes)
            return (null, TooLarge(request.Path));
        var body = await ReadBoundedAsync(request.Body, settings.MaxRequestBytes, cancellationToken);
        if (body is null)
            return (null, TooLarge(request.Path));

        var verdict = SlackSignature.Verify(
            settings.SigningSecret,
            request.Headers[SlackSignature.TimestampHeader].FirstOrDefault(),
            request.Headers[SlackSignature.SignatureHeader].FirstOrDefault(),
            body,
            time.GetUtcNow(),
            settings.SignatureTolerance);
        if (!verdict.Valid)
        {
            LogRefused(logger, request.Path.Value, verdict.Reason);
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"));
        }

        var fault = kind == SlackBody.Form ? RequestText.CheckForm(body, request.ContentType) : RequestText.CheckJson(body, request.ContentType);
        if (fault is not null)
            return (null, fault.ToProblem());
        var text = Encoding.UTF8.GetString(body);
        var retry = int.TryParse(request.Headers["X-Slack-Retry-Num"].FirstOrDefault(), out var number) ? number : 0;
        return (new VerifiedSlackRequest(text, retry), null);
    }

    private IResult TooLarge(PathString path)
    {
        LogTooLarge(logger, path.Value);
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, LoggedText path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an oversized call to {Path}")]
    private static partial void LogTooLarge(ILogger logger, LoggedText path);
}
