using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Reads an API request's body once, up to <see cref="IntegrationApiOptions.MaxRequestBodyBytes"/>: a larger body is
/// answered 413 (by its Content-Length before a byte is read, or as soon as a chunked body passes the limit). The
/// bytes are kept for the idempotency hash and the JSON reader.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<IntegrationApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await ApiProblems.TooLarge(limit).ExecuteAsync(context);
            return;
        }
        if (request.ContentLength is null or > 0 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsDelete(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var body = await ReadAsync(request.Body, limit, context.RequestAborted);
            if (body is null)
            {
                await ApiProblems.TooLarge(limit).ExecuteAsync(context);
                return;
            }
            context.Features.Set(new BufferedBody(body));
            request.Body = new MemoryStream(body, writable: false);
        }
        await next(context);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
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
}

/// <summary>The request body as read by <see cref="RequestBodyLimit"/>.</summary>
public sealed record BufferedBody(byte[] Bytes);
