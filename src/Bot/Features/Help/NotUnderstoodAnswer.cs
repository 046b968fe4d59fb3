using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Help;

/// <summary>A message that is no command: the list of commands, with what was not understood (or a note that only text is read).</summary>
public sealed class NotUnderstoodAnswer : IUnknownCommandAnswer
{
    public void Answer(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Show(string.IsNullOrWhiteSpace(context.Turn.Text)
            ? HelpCards.OnlyText(context.User.Role, context.Language)
            : HelpCards.NotUnderstood(context.Turn.Text, context.User.Role, context.Language));
    }
}
