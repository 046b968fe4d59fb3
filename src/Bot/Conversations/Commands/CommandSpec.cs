namespace ChatCrm.Bot.Conversations.Commands;

/// <summary>
/// How a typed command is called: its verb (the one name the core, choice lists and buttons use for it) and the first
/// words that call it in English and Spanish (matched without accents or case, e.g. "último" reads as "ultimo").
/// </summary>
public sealed record CommandSpec(string Verb, IReadOnlyList<string> EnglishWords, IReadOnlyList<string> SpanishWords)
{
    /// <summary>Works at any step of a dialog without ending it first (help, cancel).</summary>
    public bool WorksMidDialog { get; init; }

    /// <summary>
    /// Acts on one customer: a button whose verb is <see cref="Verb"/> runs it on the customer the button names, and a
    /// choice list it showed can be answered by pressing an entry or typing its number.
    /// </summary>
    public bool NamesCustomer { get; init; }

    /// <summary>
    /// Shows nothing about any customer (help, an administrator's set-up answers): in a shared conversation its answer is
    /// posted for everyone, where any other command's goes to the person who asked alone.
    /// </summary>
    public bool GroupSafe { get; init; }

    /// <summary>
    /// Runs only in the person's own chat with the bot (export, erase); in a shared conversation it is answered with a
    /// polite pointer there and does nothing.
    /// </summary>
    public bool PersonalChatOnly { get; init; }

    public IEnumerable<string> Words => EnglishWords.Concat(SpanishWords);
}
