using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// "admin pending" / "admin pendientes" (the grants waiting for a second admin, audited as a directory view) and the
/// Confirm and Reject buttons on it: only an admin other than the one who asked decides (<see cref="RoleGrants"/>), and
/// every decision or refused attempt is audited.
/// </summary>
public sealed class RoleGrantActions(RoleGrants grants, DirectoryAdminGate gate, AuditTrail audit) : ICardAction, IAdminSubcommand
{
    public const string ConfirmVerb = "admin-role-confirm";
    public const string RejectVerb = "admin-role-reject";

    public static IReadOnlyList<string> ActionVerbs { get; } = [ConfirmVerb, RejectVerb];

    public IReadOnlyList<string> Words { get; } = ["pending", "pendientes", "pendiente"];

    public async Task RunAsync(TurnContext context, string word, IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(context);
        audit.Record(context, AuditAction.ViewedDirectory, "pending role grants");
        context.Show(RoleGrantCards.Pending(await grants.PendingAsync(context.CancellationToken), context.Language));
    }

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        if (!gate.Allows(context, action.Verb))
            return;
        if (!Guid.TryParseExact(action.Value(RoleGrantCards.Key), "N", out var id))
        {
            context.Say("That button names no request I know; nothing changed.", "Ese botón no corresponde a ninguna solicitud que conozca; no ha cambiado nada.");
            return;
        }
        var answer = await grants.DecideAsync(id, context.User, action.Verb == ConfirmVerb, context.Turn.Channel.ToString(), context.CancellationToken);
        context.Say(answer);
    }
}
