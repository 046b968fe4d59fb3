using System.Security.Cryptography;
using System.Text;
using ChatCrm.Bot.Api.Auth;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChatCrm.Bot.Logging;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Every POST carries an <c>Idempotency-Key</c>. The request runs in one transaction that first claims the key (a row
/// unique per client and key) and, when the answer is a success, stores that answer with it; any other answer rolls
/// the whole transaction back, so a refused request leaves nothing behind and may be sent again with the same key.
/// A repeat with the same key and the same request gets the stored answer (<c>Idempotent-Replayed: true</c>); with a
/// different request, 422. A duplicate arriving at another instance meanwhile waits on the unique index, then replays.
/// </summary>
public sealed partial class IdempotentPosts(RequestDelegate next, IOptions<IntegrationApiOptions> options, TimeProvider time, ILogger<IdempotentPosts> logger)
{
    public const string HeaderName = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        if (!HttpMethods.IsPost(context.Request.Method) || context.User.FindFirst(ApiClient.IdClaim) is null)
        {
            await next(context);
            return;
        }
        var key = context.Request.Headers[HeaderName].ToString();
        if (!IsUsableKey(key))
        {
            await ApiProblems.Invalid(HeaderName,
                $"Every POST needs an {HeaderName} header: 1 to {IdempotencyRecord.MaxKeyLength} visible ASCII characters, new for each distinct request (a UUID is ideal).")
                .ExecuteAsync(context);
            return;
        }
        var client = ApiClient.From(context.User);
        var hash = RequestHash(context.Request);
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(context.RequestAborted);
        // A key past its retention is forgotten, so it may be used again.
        var expired = now - options.Value.IdempotencyRetention;
        await db.IdempotencyRecords.Where(r => r.ClientId == client.Id && r.Key == key && r.CreatedAt < expired).ExecuteDeleteAsync(context.RequestAborted);
        var record = new IdempotencyRecord(client.Id, key, hash, now);
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ClientId == client.Id && r.Key == key, context.RequestAborted);
            if (earlier is null)
                throw;
            await ReplayAsync(context, earlier, hash);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode is >= 200 and < 300)
        {
            record.Complete(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null, buffer.ToArray());
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord earlier, byte[] hash)
    {
        if (!CryptographicOperations.FixedTimeEquals(earlier.RequestHash, hash))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"This {HeaderName} was already used for a different request; use a new key for a new request.").ExecuteAsync(context);
            return;
        }
        LogReplayed(logger, earlier.ClientId);
        var response = context.Response;
        response.StatusCode = earlier.StatusCode;
        if (earlier.ContentType is not null)
            response.ContentType = earlier.ContentType;
        if (earlier.Location is not null)
            response.Headers.Location = earlier.Location;
        if (earlier.ETag is not null)
            response.Headers.ETag = earlier.ETag;
        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(earlier.ResponseBody, context.RequestAborted);
    }

    private static bool IsUsableKey(string key) =>
        key.Length is > 0 and <= IdempotencyRecord.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static byte[] RequestHash(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        hash.AppendData(request.HttpContext.Features.Get<BufferedBody>()?.Bytes ?? []);
        return hash.GetHashAndReset();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed a stored API response for {Client}")]
    private static partial void LogReplayed(ILogger logger, LoggedText client);
}
