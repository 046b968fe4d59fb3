using System.Text;
using ChatCrm.Bot.Logging;
using Microsoft.AspNetCore.Diagnostics;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// The one place where an unhandled error becomes an HTTP answer: a ProblemDetails 500 that reveals nothing internal —
/// unless the error is the request's own fault. Request bodies are checked by <see cref="Http.RequestText"/> before they
/// are read; should text that cannot be decoded still slip through (a bad request Kestrel refuses, bytes that are not
/// UTF-8, a JSON escape that is half a surrogate pair), the answer is a 400, never a 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The <see cref="Exception.Source"/> System.Text.Json gives the reader's errors about undecodable text.</summary>
    private const string JsonTextErrorSource = "System.Text.Json.Rethrowable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (ClientFault(exception) is { } status)
        {
            LogClientFault(logger, httpContext.Request.Path.Value, exception.GetType().Name);
            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = status, Title = "Unreadable request", Detail = "The request's text cannot be decoded; send UTF-8." },
            });
        }
        LogUnhandled(logger, exception, httpContext.Request.Path.Value);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 500, Title = "Something went wrong on our side." },
            Exception = exception,
        });
    }

    private static int? ClientFault(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        DecoderFallbackException => StatusCodes.Status400BadRequest,
        InvalidOperationException { Source: JsonTextErrorSource } => StatusCodes.Status400BadRequest,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, LoggedText path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unreadable request to {Path} ({Error})")]
    private static partial void LogClientFault(ILogger logger, LoggedText path, string error);
}
