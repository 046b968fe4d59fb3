namespace ChatCrm.Bot.Conversations;

/// <summary>The <c>Conversation</c> section.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>A turn still working after this long shows a typing indicator first.</summary>
    public TimeSpan TypingIndicatorDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
