namespace ChatCrm.Bot.Cards;

/// <summary>
/// A channel-neutral card: what the conversation wants to show. The Teams adapter renders it as an
/// Adaptive Card, the Slack adapter as Block Kit, and <see cref="PlainTextRenderer"/> as a text fallback.
/// </summary>
public sealed record Card(string Title, IReadOnlyList<CardBlock> Body, IReadOnlyList<CardButton> Buttons)
{
    public string? Subtitle { get; init; }

    /// <summary>
    /// The title where space is short (a Slack modal's title holds 24 characters), said without cutting words: a
    /// renderer with room shows <see cref="Title"/>, one without shows this. Null when the title is short already.
    /// </summary>
    public string? ShortTitle { get; init; }

    /// <summary>Links that open in the browser (shown after the buttons).</summary>
    public IReadOnlyList<CardLink> Links { get; init; } = [];

    /// <summary>
    /// The action that fetches this card again for whoever looks at it, so that a card shared in a group shows each
    /// reader what their own access allows (Teams: <c>refresh</c> with the conversation's members). Null when the card
    /// is the same for everybody.
    /// </summary>
    public CardButton? Refresh { get; init; }

    /// <summary>
    /// What everyone in a shared conversation may see of this card — who the customer is, nothing more — carrying the
    /// same <see cref="Refresh"/>, so that each reader's client swaps it for the view their own access allows. Null when
    /// the card has no such view: in a shared conversation it then goes to the person who asked alone.
    /// </summary>
    public Card? GroupView { get; init; }
}

public abstract record CardBlock;

public enum TextEmphasis
{
    Normal,
    Subtle,
    Strong,
    Warning,
}

public sealed record CardText(string Text, TextEmphasis Emphasis = TextEmphasis.Normal) : CardBlock;

public sealed record CardFact(string Label, string Value);

public sealed record CardFacts(IReadOnlyList<CardFact> Facts) : CardBlock;

/// <summary>A heading inside the card body that starts a new group of blocks.</summary>
public sealed record CardSection(string Heading) : CardBlock;

public sealed record CardTextInput(string Id, string Label, int MaxLength, bool IsMultiline = false, bool IsRequired = true) : CardBlock
{
    public string? Placeholder { get; init; }

    /// <summary>The text already in the field (a form shown again after an error keeps what was typed).</summary>
    public string? Value { get; init; }

    /// <summary>What the client says when a required field is left empty, in the reader's language.</summary>
    public string? ErrorMessage { get; init; }
}

public sealed record CardDateInput(string Id, string Label) : CardBlock
{
    public DateOnly? Value { get; init; }

    public bool IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>One entry of a <see cref="CardChoiceInput"/>: what is sent, and what the person reads.</summary>
public sealed record CardChoice(string Value, string Title);

/// <summary>A pick-one list (a drop-down), such as the kind of contact in the log form.</summary>
public sealed record CardChoiceInput(string Id, string Label, IReadOnlyList<CardChoice> Choices) : CardBlock
{
    public string? Value { get; init; }

    public bool IsRequired { get; init; } = true;

    public string? ErrorMessage { get; init; }
}

/// <summary>
/// A button. Pressing it sends <see cref="Verb"/> and <see cref="Data"/> back to the conversation
/// (plus the values of the card's inputs when <see cref="SubmitsInputs"/>).
/// </summary>
public sealed record CardButton(string Title, string Verb, IReadOnlyDictionary<string, string> Data)
{
    public bool SubmitsInputs { get; init; }

    public static CardButton For(string title, string verb, params (string Key, string Value)[] data) =>
        new(title, verb, data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}

/// <summary>
/// Buttons inside the body, right under what they act on (an offer's "Accept / Not now / Decline"), where the card's
/// own buttons would be too far away and too many. Rendered like card buttons: the press sends the verb and data back.
/// </summary>
public sealed record CardButtonRow(IReadOnlyList<CardButton> Buttons) : CardBlock;

/// <summary>A link the user opens in their browser, such as a download.</summary>
public sealed record CardLink(string Title, Uri Url);

/// <summary>
/// A picture the client fetches from <see cref="Url"/> (an https address it can reach, such as a signed chart link),
/// with <see cref="AltText"/> saying in words what it shows: screen readers read it, and the plain-text rendering
/// shows it in the picture's place.
/// </summary>
public sealed record CardImage(Uri Url, string AltText) : CardBlock;
