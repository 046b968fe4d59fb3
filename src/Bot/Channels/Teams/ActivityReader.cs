using System.Text.Json;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Http;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Reads an activity from a request body, or says precisely what is wrong with it (as an HTTP problem).</summary>
public static class ActivityReader
{
    public sealed record Result(Activity? Activity, IResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
            return TooLarge(maxBytes);

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        if (RequestText.CheckJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), request.ContentType) is { } fault)
            return new Result(null, fault.ToProblem());
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotFrameworkJson.Options);
        }
        catch (JsonException failure)
        {
            return Bad("Malformed JSON", $"The body is not a valid activity: {failure.Message}");
        }
        if (activity is null)
            return Bad("Malformed JSON", "The body is empty or null.");
        if (string.IsNullOrWhiteSpace(activity.Type))
            return Bad("Missing activity type", "Every activity needs a 'type'.");
        return new Result(activity, null);
    }

    /// <summary>What a message or conversation update needs before ChatCrm can answer it, or null when all is there.</summary>
    public static string? MissingConversationFields(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
            missing.Add("serviceUrl");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            missing.Add("conversation.id");
        if (string.IsNullOrWhiteSpace(activity.From?.Id))
            missing.Add("from.id");
        if (activity.Recipient is null)
            missing.Add("recipient");
        return missing.Count == 0 ? null : $"The activity lacks {string.Join(", ", missing)}.";
    }

    private static Result TooLarge(int maxBytes) => new(null, Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large", detail: $"Activities are limited to {maxBytes:N0} bytes."));

    private static Result Bad(string title, string detail) => new(null, Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail));
}
