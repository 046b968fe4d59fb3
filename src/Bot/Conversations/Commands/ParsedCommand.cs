namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>A typed command: the registered command its first word calls, and the rest of the text as its argument.</summary>
public sealed record ParsedCommand(CommandSpec Spec, string Argument)
{
    public string Verb => Spec.Verb;
}
