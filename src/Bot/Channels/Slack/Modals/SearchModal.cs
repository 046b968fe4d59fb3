using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The App Home's "Search customers": a modal with one query field, opened with the press's trigger id. A submitted
/// query is checked at once (errors stay in the modal), then becomes a "find" turn that the worker answers in the
/// user's direct message (<c>conversations.open</c> + <c>chat.postMessage</c>) with the same card or choices as
/// <c>/crm find</c>, under the same need-to-know and audit.
/// </summary>
public sealed partial class SearchModal(ChatUserDirectory directory, SlackWebApiClient client, SlackIntake intake, ILogger<SearchModal> logger)
{
    public const string CallbackId = "chatcrm-search";
    public const string QueryField = "query";
    public const int MaxQueryLength = 200;

    public async Task<bool> TryOpenAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TriggerId is null || await LanguageAsync(payload, cancellationToken) is not { } language)
            return false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(LogModalOpener.Patience);
        try
        {
            await client.OpenViewAsync(payload.TriggerId, View(language), deadline.Token);
            return true;
        }
        catch (SlackApiException failure)
        {
            LogNotOpened(logger, failure.Error);
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotOpened(logger, "timeout");
            return false;
        }
    }

    public async Task<IResult> SubmitAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.ViewId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A view_submission needs team, user and view id.");
        if (await LanguageAsync(payload, cancellationToken) is not { } language)
            return Error("You don't have access to ChatCrm yet. Ask your ChatCrm administrator to add you.");
        var query = payload.Values.GetValueOrDefault(QueryField)?.Trim() ?? string.Empty;
        if (query.Length == 0)
            return Error(language.Pick("Type a name, company, e-mail or phone.", "Escribe un nombre, empresa, e-mail o teléfono."));
        if (query.Length > MaxQueryLength)
            return Error(language.Pick($"That is {query.Length} characters; a search has up to {MaxQueryLength}.",
                $"Son {query.Length} caracteres; una búsqueda tiene hasta {MaxQueryLength}."));
        var work = new SlackWork
        {
            Kind = SlackWorkKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Text = $"find {query}",
        };
        await intake.AcceptAsync("view_submission", $"view:{payload.TeamId}:{payload.ViewId}", work, retryNumber, cancellationToken);
        return Results.Ok(); // closes the modal; the results arrive in the direct message
    }

    private static IResult Error(string message) => Results.Json(LogModal.Errors(new Dictionary<string, string> { [QueryField] = message }));

    public static JsonObject View(LanguageCode language) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKitText.Plain(language.Pick("Search customers", "Buscar clientes"), BlockKitLimits.ModalTitle),
        ["submit"] = BlockKitText.Plain(language.Pick("Search", "Buscar"), BlockKitLimits.ModalButton),
        ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
        ["blocks"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = QueryField,
                ["label"] = BlockKitText.Plain(language.Pick("Customer", "Cliente"), BlockKitLimits.InputLabel),
                ["element"] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["action_id"] = QueryField,
                    ["placeholder"] = BlockKitText.Plain(language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"), BlockKitLimits.Placeholder),
                },
            },
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(BlockKitText.Markdown(language.Pick("The results arrive in your direct message with ChatCrm.",
                    "Los resultados llegan a tu mensaje directo con ChatCrm."), BlockKitLimits.SectionText)),
            }),
    };

    private async Task<LanguageCode?> LanguageAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var key = $"{payload.TeamId}:{payload.UserId}";
        var turn = new IncomingTurn(ChatChannel.Slack, key, new ChatUser(key, null, payload.UserName), Text: null, Action: null, Locale: null);
        var user = await directory.FindAsync(turn, cancellationToken, lookUp: false);
        return user is null ? null : LocalizedText.LanguageFor(user.Locale);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open the search modal ({Error}); answering in chat")]
    private static partial void LogNotOpened(ILogger logger, string error);
}
