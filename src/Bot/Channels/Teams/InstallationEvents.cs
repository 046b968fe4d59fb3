using ChatCrm.Bot.Features.Help;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// The app installed or removed: <c>installationUpdate</c> (<c>action</c> add, add-upgrade, remove, remove-upgrade)
/// and <c>conversationUpdate</c> with the bot among the members added or removed. On install the conversation's
/// reference is stored for proactive messages and the welcome card shown once (Teams announces an install with both
/// activities); on removal the reference is retired.
/// </summary>
public static class InstallationEvents
{
    public const string UninstalledReason = "Uninstalled";

    public static async Task HandleAsync(Activity activity, ConversationReferenceStore references, ITurnResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(responder);
        var botId = activity.Recipient?.Id;
        var installed = activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action is "add" or "add-upgrade"
            : botId is not null && activity.MembersAdded?.Any(m => m.Id == botId) == true;
        var removed = activity.Type == ActivityTypes.InstallationUpdate
            ? activity.Action is "remove" or "remove-upgrade"
            : botId is not null && activity.MembersRemoved?.Any(m => m.Id == botId) == true;

        if (installed && TeamsConversationAddress.From(activity) is { } address)
        {
            if (await references.RememberAsync(TeamsConversationAddress.Key(address.ConversationId), address, cancellationToken))
                await responder.SendAsync(OutgoingMessage.Show(HelpCards.Welcome(LocalizedText.LanguageFor(activity.Locale))), cancellationToken);
        }
        else if (removed && activity.Conversation?.Id is { } conversationId)
        {
            await references.RetireAsync(TeamsConversationAddress.Key(conversationId), UninstalledReason, cancellationToken);
        }
    }
}
