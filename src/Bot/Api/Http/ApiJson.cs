using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Bot.Http;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Reads a request body into a request model, strictly, and turns every way a body can be wrong into a 400 that names
/// the field: not JSON, text that cannot be read (bytes that are not UTF-8, an escaped lone surrogate, another charset: see
/// <see cref="RequestText"/>), a value of the wrong type or an unknown enum name,
/// a field we do not know (a typo would otherwise be ignored silently) or a field given twice.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return new(null, ApiProblems.UnsupportedMediaType());
        var bytes = request.HttpContext.Features.Get<BufferedBody>()?.Bytes;
        if (bytes is null)
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            bytes = copy.ToArray();
        }
        if (bytes.Length == 0)
            return new(null, ApiProblems.Invalid("body", "The request body is empty; send a JSON object."));
        if (RequestText.CheckJson(bytes, contentType) is { } broken)
            return new(null, ApiProblems.Invalid(broken.Field, broken.Reason));
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options);
            return value is null
                ? new(null, ApiProblems.Invalid("body", "Send a JSON object, not null."))
                : new(value, null);
        }
        catch (JsonException problem)
        {
            return new(null, ApiProblems.Invalid(FieldName(problem.Path), Explain(problem)));
        }
    }

    /// <summary>"$.identities[0].kind" → "identities[0].kind"; the whole body is "body".</summary>
    public static string FieldName(string? path) =>
        path is null or "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Explain(JsonException problem)
    {
        var message = problem.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
            return "This field is not part of the request; check its spelling.";
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return "This field is given more than once.";
        if (message.Contains("missing required properties", StringComparison.Ordinal))
            return "Required fields are missing: " + message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
            return "This field cannot be null.";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return "The value has the wrong type or is not one of the allowed values.";
        return "The body is not valid JSON here.";
    }
}

/// <summary>A request model, or the problem that answers the request instead.</summary>
public readonly record struct Read<T>(T? Value, IResult? Problem) where T : class;
