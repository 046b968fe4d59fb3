using System.Text;

namespace ChatCrm.Bot.Cards;

/// <summary>Renders a card as plain text: the fallback for clients that cannot show cards, and what notifications show.</summary>
public static class PlainTextRenderer
{
    public static string Render(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = new StringBuilder();
        text.AppendLine(card.Title);
        if (card.Subtitle is { } subtitle)
            text.AppendLine(subtitle);
        foreach (var block in card.Body)
        {
            switch (block)
            {
                case CardText t:
                    text.AppendLine(t.Text);
                    break;
                case CardSection s:
                    text.AppendLine().AppendLine(s.Heading);
                    break;
                case CardFacts f:
                    foreach (var fact in f.Facts)
                        text.Append(fact.Label).Append(": ").AppendLine(fact.Value);
                    break;
                case CardTextInput input:
                    text.Append('(').Append(input.Label).AppendLine(")");
                    break;
                case CardDateInput date:
                    text.Append('(').Append(date.Label).AppendLine(")");
                    break;
                case CardChoiceInput choice:
                    text.Append('(').Append(choice.Label).Append(": ").AppendJoin(", ", choice.Choices.Select(c => c.Title)).AppendLine(")");
                    break;
                case CardImage image:
                    text.AppendLine(image.AltText);
                    break;
                case CardButtonRow row when row.Buttons.Count > 0:
                    text.AppendJoin(" ", row.Buttons.Select(b => $"[{b.Title}]")).AppendLine();
                    break;
            }
        }
        var numbered = card.Buttons.Select((b, i) => $"{i + 1}. {b.Title}").ToList();
        if (numbered.Count > 0)
            text.AppendLine().AppendJoin(Environment.NewLine, numbered).AppendLine();
        foreach (var link in card.Links)
            text.AppendLine().Append(link.Title).Append(": ").Append(link.Url.AbsoluteUri);
        return text.ToString().TrimEnd();
    }
}
