namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>What is said when a message is not a command and no dialog awaits it (registered once).</summary>
public interface IUnknownCommandAnswer
{
    void Answer(TurnContext context);
}
