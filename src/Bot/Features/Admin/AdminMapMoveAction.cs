using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>An admin confirmed moving a chat account to another user; anyone else gets the admin command's refusal.</summary>
public sealed class AdminMapMoveAction(AdminMapCommand map, AdminCommand admin) : ICardAction
{
    public static IReadOnlyList<string> ActionVerbs { get; } = [AdminMapCommand.MoveVerb];

    public Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Role == UserRole.Admin ? map.ConfirmMoveAsync(context) : admin.RunAsync(context, "map");
    }
}
