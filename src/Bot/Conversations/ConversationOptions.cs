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

    /// <summary>
    /// Turns one person may take per <see cref="TurnWindow"/> (0: no limit). Past it, the first turn is answered with a
    /// polite notice in the person's language (Slack: only they see it) and the rest are dropped until the window ends.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 10_000)]
    public int TurnsPerUser { get; set; } = 30;

    /// <summary>The window <see cref="TurnsPerUser"/> counts in.</summary>
    public TimeSpan TurnWindow { get; set; } = TimeSpan.FromMinutes(1);
}
