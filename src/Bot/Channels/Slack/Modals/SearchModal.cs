using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The App Home's "Search customers": a modal with one query field, opened with the press's trigger id. A submitted
/// query is checked at once (errors stay in the modal), then becomes a "find" turn that the worker answers in the
/// user's direct message (<c>conversations.open</c> + <c>chat.postMessage</c>) with the same card or choices as
/// <c>/crm find</c>, under the same need-to-know and audit.
/// </summary>
public sealed class SearchModal(SlackPeople people, ModalOpener modals, SlackIntake intake) : ISlackViewSubmission, ISlackModalButton
{
    public const string CallbackId = "chatcrm-search";

    public IReadOnlyList<string> CallbackIds { get; } = [CallbackId];

    /// <summary>The App Home's "Search customers".</summary>
    public IReadOnlyList<string> Verbs { get; } = [IHomePage.SearchVerb];
    public const string QueryField = "query";
    public const int MaxQueryLength = 200;

    public async Task<bool> TryOpenAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TriggerId is null || await LanguageAsync(payload, cancellationToken) is not { } language)
            return false;
        return await modals.TryOpenAsync(payload.Workspace, payload.TriggerId, View(language), "search", cancellationToken);
    }

    public async Task<IResult> SubmitAsync(InteractionPayload payload, int retryNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.TeamId is null || payload.UserId is null || payload.ViewId is null)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable Slack request", detail: "A view_submission needs team, user and view id.");
        if (await LanguageAsync(payload, cancellationToken) is not { } language)
            return Error(AccessRefusals.NotInDirectoryInBothLanguages);
        var query = payload.Values.GetValueOrDefault(QueryField)?.Trim() ?? string.Empty;
        if (query.Length == 0)
            return Error(language.Pick("Type a name, company, e-mail or phone.", "Escribe un nombre, empresa, e-mail o teléfono."));
        if (query.Length > MaxQueryLength)
            return Error(language.Pick($"That is {query.Length} characters; a search has up to {MaxQueryLength}.",
                $"Son {query.Length} caracteres; una búsqueda tiene hasta {MaxQueryLength}."));
        var work = new SlackInboxItem
        {
            Kind = SlackInboxItemKind.DirectTurn,
            TeamId = payload.TeamId,
            EnterpriseId = payload.EnterpriseId,
            UserId = payload.UserId,
            UserName = payload.UserName,
            Text = $"find {query}",
        };
        await intake.AcceptAsync("view_submission", $"view:{payload.TeamId}:{payload.ViewId}", work, retryNumber, cancellationToken);
        return Results.Ok(); // closes the modal; the results arrive in the direct message
    }

    private static IResult Error(string message) => Results.Json(ModalBlocks.Errors(new Dictionary<string, string> { [QueryField] = message }));

    public static JsonObject View(LanguageCode language) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKitText.Plain(language.Pick("Search customers", "Buscar clientes"), BlockKitLimits.ModalTitle),
        ["submit"] = BlockKitText.Plain(language.Pick("Search", "Buscar"), BlockKitLimits.ModalButton),
        ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
        ["blocks"] = new JsonArray(
            ModalBlocks.Input(QueryField, language.Pick("Customer", "Cliente"),
                ModalBlocks.TextInput(QueryField, language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"), multiline: false),
                optional: false),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(BlockKitText.Markdown(language.Pick("The results arrive in your direct message with ChatCrm.",
                    "Los resultados llegan a tu mensaje directo con ChatCrm."), BlockKitLimits.SectionText)),
            }),
    };

    private async Task<LanguageCode?> LanguageAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.TeamId is null || payload.UserId is null)
            return null;
        var user = await people.FindAsync(payload.TeamId, payload.UserId, payload.UserName, cancellationToken);
        return user is null ? null : LocalizedText.LanguageFor(user.Locale);
    }
}
