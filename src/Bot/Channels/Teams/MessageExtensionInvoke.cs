using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Features.Privacy;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// The message extension: customers searched from the compose box (<c>composeExtension/query</c>, a list of results,
/// each inserting the customer's card) and ChatCrm customer links pasted in a conversation unfurled into that card
/// (<c>composeExtension/queryLink</c>). The card inserted shows the customer's identity only and refreshes, for each
/// reader, into the view that reader's access allows (ADR 0009). Both go through <see cref="IComposeBoxSearch"/>: the same finder, need-to-know
/// and audit as "find". Teams waits at most 5 seconds, so a search still running after
/// <see cref="TimeLimit"/> answers with a sentence instead of timing out.
/// </summary>
public static class MessageExtensionInvoke
{
    public const string QueryName = "composeExtension/query";
    public const string QueryLinkName = "composeExtension/queryLink";
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(4.5);

    /// <summary>The path of a customer link under <c>Privacy:PublicBaseUrl</c>: <c>customers/{id}</c>.</summary>
    public const string CustomerLinkSegment = "customers";

    public static async Task<IResult> HandleAsync(Activity activity, IComposeBoxSearch search, PrivacyOptions links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(links);
        var turn = TeamsTurnMapper.ToTurn(activity) with { Text = null, Action = null };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        try
        {
            if (activity.Name == QueryLinkName)
            {
                return CustomerIdIn(ReadString(activity.Value, "url"), links.PublicBaseUrl) is { } id
                    ? Answer(await search.ShowAsync(turn, id, limit.Token))
                    : Answer(new CustomerSearchAnswer([], null));
            }
            return Answer(await search.SearchAsync(turn, SearchText(activity.Value), limit.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Answer(new CustomerSearchAnswer([], Domain.Common.LocalizedText.LanguageFor(turn.Locale).Pick(
                "The search took too long. Add the company, an e-mail or a phone number to narrow it down.",
                "La búsqueda ha tardado demasiado. Añade la empresa, un correo o un teléfono para acotarla.")));
        }
    }

    /// <summary>The id in <c>{PublicBaseUrl}/customers/{id}</c>, or null for any other link.</summary>
    public static CustomerId? CustomerIdIn(string? url, Uri? publicBaseUrl)
    {
        if (publicBaseUrl is null || !Uri.TryCreate(url, UriKind.Absolute, out var link))
            return null;
        if (Uri.Compare(link, publicBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            return null;
        var basePath = publicBaseUrl.AbsolutePath.TrimEnd('/');
        var rest = link.AbsolutePath.StartsWith(basePath + "/", StringComparison.OrdinalIgnoreCase) ? link.AbsolutePath[(basePath.Length + 1)..] : null;
        var parts = rest?.TrimEnd('/').Split('/');
        return parts is [CustomerLinkSegment, var raw] && Guid.TryParse(raw, out var id) ? new CustomerId(id) : null;
    }

    /// <summary><c>value.parameters</c>: the typed text is the parameter that is not <c>initialRun</c>.</summary>
    private static string? SearchText(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("parameters", out var parameters)
            || parameters.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var parameter in parameters.EnumerateArray())
        {
            if (ReadString(parameter, "name") is { } name && name != "initialRun" && ReadString(parameter, "value") is { } text)
                return text;
        }
        return null;
    }

    private static string? ReadString(JsonElement? value, string property) =>
        value is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(property, out var found) && found.ValueKind == JsonValueKind.String
            ? found.GetString()
            : null;

    private static IResult Answer(CustomerSearchAnswer answer)
    {
        JsonObject result = answer.Message is { } message
            ? new JsonObject { ["type"] = "message", ["text"] = message }
            : new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = new JsonArray(answer.Hits.Select(hit => (JsonNode?)new JsonObject
                {
                    ["contentType"] = AdaptiveCardRenderer.ContentType,
                    // Inserted into a conversation the bot may not be able to list: a refresh without userIds, which
                    // Teams runs for each reader (up to 60; a button beyond), answered under that reader's rights.
                    ["content"] = AdaptiveCardRenderer.Render(hit.Card, []),
                    ["preview"] = new JsonObject
                    {
                        ["contentType"] = "application/vnd.microsoft.card.thumbnail",
                        ["content"] = new JsonObject { ["title"] = hit.PreviewTitle, ["text"] = hit.PreviewText },
                    },
                }).ToArray()),
            };
        return Results.Json(new JsonObject { ["composeExtension"] = result });
    }
}
