namespace ChatCrm.Infrastructure.Integrations;

/// <summary>
/// One POST an integration made with an <c>Idempotency-Key</c>: the key is unique per client (a unique index), so two
/// copies of the same request — a retry, or a duplicate reaching another instance at the same moment — cannot both
/// run. The record is written in the same transaction as the request's own changes, with the response that went out,
/// and a replay answers with that response.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    public const int MaxClientLength = 120;

    private IdempotencyRecord()
    {
        ClientId = string.Empty;
        Key = string.Empty;
        RequestHash = [];
        ResponseBody = [];
    }

    public IdempotencyRecord(string clientId, string key, byte[] requestHash, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ClientId = clientId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = createdAt.ToUniversalTime();
        ResponseBody = [];
    }

    public Guid Id { get; private set; }

    /// <summary>The caller: <c>apikey:&lt;key id&gt;</c> or <c>entra:&lt;application id&gt;</c>.</summary>
    public string ClientId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 of the method, the path and the body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    public byte[] ResponseBody { get; private set; }

    /// <summary>
    /// The customer's erasure: the stored response (which may quote them) goes. A replay of the key still answers with
    /// the status, location and ETag, only without the body.
    /// </summary>
    public void ForgetResponseBody() => ResponseBody = [];

    public void Complete(int statusCode, string? contentType, string? location, string? etag, byte[] body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        ETag = etag;
        ResponseBody = body;
    }
}
