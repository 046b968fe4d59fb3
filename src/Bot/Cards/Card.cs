namespace ChatCrm.Bot.Cards;

/// <summary>
/// A channel-neutral card: what the conversation wants to show. The Teams adapter renders it as an
/// Adaptive Card, the Slack adapter as Block Kit, and <see cref="PlainTextRenderer"/> as a text fallback.
/// </summary>
public sealed record Card(string Title, IReadOnlyList<CardBlock> Body, IReadOnlyList<CardButton> Buttons)
{
    public string? Subtitle { get; init; }

    /// <summary>Links that open in the browser (shown after the buttons).</summary>
    public IReadOnlyList<CardLink> Links { get; init; } = [];
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
}

public sealed record CardDateInput(string Id, string Label) : CardBlock;

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
