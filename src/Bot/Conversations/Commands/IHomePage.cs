using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>
/// A person's own page (Slack's App Home tab): a channel-neutral card a feature composes and a channel adapter renders
/// and publishes. The adapter knows nothing of what is on it.
/// </summary>
public interface IHomePage
{
    /// <summary>The verb of the page's "Search customers" button: the <see cref="Forms.IChatForm.OpenVerb"/> of the search form.</summary>
    public const string SearchVerb = "slack.search";

    /// <param name="user">The person, or null for someone ChatCrm does not know (they get the way in).</param>
    /// <param name="channel">Where the page is shown (recorded in the audit of what it lists).</param>
    Task<Card> ForAsync(User? user, ChatChannel channel, CancellationToken cancellationToken);
}
