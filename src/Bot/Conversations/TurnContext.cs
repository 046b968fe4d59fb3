using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations;

/// <summary>
/// One turn in progress: the turn, the ChatCrm user behind it, and the replies gathered so far.
/// Replies are sent only after the turn's changes are saved, so a reply never claims what was not stored;
/// when saving fails, the gathered replies are dropped.
/// </summary>
public sealed class TurnContext(IncomingTurn turn, User user, CancellationToken cancellationToken)
{
    private readonly List<OutgoingMessage> _replies = [];

    public IncomingTurn Turn { get; } = turn;

    public User User { get; } = user;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A customer picked by typing the number of an entry in the previous choice card.</summary>
    public Domain.Customers.CustomerId? ChosenCustomer { get; set; }

    /// <summary>
    /// The language to answer in: the one the person chose with <c>settings</c>; else the locale the client sent with
    /// this turn (the person's current app language); else the one stored for the user.
    /// </summary>
    public LanguageCode Language => LocalizedText.LanguageFor(User.LocaleSource == PreferenceSource.Person ? User.Locale : Turn.Locale ?? User.Locale);

    /// <summary>The reader's time zone: every date and time shown to them is in it and names it.</summary>
    public TimeZoneInfo Zone => User.ResolveTimeZone();

    /// <summary>
    /// The turn's answers show nothing about a customer (set by the router for a <see cref="Commands.CommandSpec.GroupSafe"/>
    /// command): a shared conversation may see them all.
    /// </summary>
    public bool GroupSafe { get; set; }

    /// <summary>The replies gathered so far, marked <see cref="OutgoingMessage.GroupSafe"/> when the turn's are.</summary>
    public IReadOnlyList<OutgoingMessage> Replies => GroupSafe ? _replies.Select(r => r with { GroupSafe = true }).ToList() : _replies;

    public void Say(string text) => _replies.Add(OutgoingMessage.Say(text));

    /// <summary>Says <paramref name="english"/> or <paramref name="spanish"/>, by <see cref="Language"/>.</summary>
    public void Say(string english, string spanish) => Say(Language.Pick(english, spanish));

    public void Say(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Say(text.In(Language));
    }

    public void Show(Cards.Card card) => _replies.Add(OutgoingMessage.Show(card));
}
