namespace ChatCrm.Bot.Conversations;

/// <summary>The <c>Conversation</c> section.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>A turn still working after this long shows a typing indicator first.</summary>
    public TimeSpan TypingIndicatorDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// A dialog left unanswered this long is dropped, so that a message days later is read as a new command
    /// rather than as the answer to an old question.
    /// </summary>
    public TimeSpan DialogTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
