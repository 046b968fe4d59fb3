using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// The one place that decides what a shared conversation (a Teams channel or group chat, a Slack channel or group DM)
/// sees of a turn's answers. Need-to-know is per reader, and a group holds readers with other rights — or, in a Slack
/// Connect channel, the customer themselves — so the group gets only what shows nothing about a customer
/// (<see cref="OutgoingMessage.GroupSafe"/>) and every other answer goes to the person who asked alone
/// (<see cref="OutgoingMessage.OnlyForSender"/>, with the line the group gets instead). A card with a
/// <see cref="Cards.Card.GroupView"/> lets a channel that can show each reader their own view post that identity-only
/// view in the group. In a person's own chat with the bot nothing changes.
/// </summary>
public static class SharedConversationReplies
{
    public static IReadOnlyList<OutgoingMessage> Arrange(IncomingTurn turn, IReadOnlyList<OutgoingMessage> replies, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        if (!turn.IsShared)
            return replies;
        var notice = Notice(turn.User.DisplayName, language);
        return replies.Select(reply => reply.GroupSafe ? reply : reply with { OnlyForSender = true, Notice = notice }).ToList();
    }

    /// <summary>The answer to a command that runs only in a personal chat (export, erase) asked for in a shared one.</summary>
    public static LocalizedText PersonalChatOnly(string verb) => new(
        $"To keep the customer's data among the people allowed to see it, \"{verb}\" works only in your personal chat with me. Write it to me there; nothing was done here.",
        $"Para que los datos del cliente solo los vea quien puede verlos, \"{verb}\" solo funciona en tu chat personal conmigo. Escríbemelo allí; aquí no se ha hecho nada.");

    private static PrivateReplyNotice Notice(string? name, LanguageCode language)
    {
        var who = string.IsNullOrWhiteSpace(name) ? string.Empty : name.Trim() + ", ";
        return new PrivateReplyNotice(
            language.Pick($"{who}I've sent you my answer in our personal chat, so that only you see it.",
                $"{who}te he enviado la respuesta a nuestro chat personal, para que solo la veas tú."),
            language.Pick($"{who}my answer may only be seen by you, and I couldn't reach you in a personal chat. Open a chat with me and ask there.",
                $"{who}mi respuesta solo puedes verla tú, y no he podido escribirte en un chat personal. Abre un chat conmigo y pregúntamelo allí."));
    }
}
