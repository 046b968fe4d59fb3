using System.Globalization;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// What the profile card shows about a customer's value: their tier and figures, the needs segment, and the
/// latest real tier move. <see cref="Value"/> is null before the first recalculation.
/// </summary>
public sealed record TierFigures(CustomerValue? Value, TierChange? LatestMove, NeedsSegment Needs);

/// <summary>
/// Renders <see cref="TierFigures"/> as one self-contained section of the profile card (a heading and its lines),
/// so it can be left out as a whole for people who may not see value figures. The rules (tiers, how a move
/// reads) stay in the domain; only wording and number formats are decided here.
/// </summary>
public static class TierFiguresSection
{
    public const string Heading = "Value";

    public static IReadOnlyList<CardBlock> Blocks(TierFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Value is not { } value)
        {
            return
            [
                new CardSection(Heading),
                new CardText("No value tier yet: tiers appear after the next recalculation (the `tiers` command).", TextEmphasis.Subtle),
            ];
        }

        var parts = new List<string>
        {
            value.Tier.ToString(),
            $"{Money(value.Value12Months, value.ReportingCurrency)} in the last 12 months",
            value.OrdersIn12Months == 1 ? "1 order" : $"{value.OrdersIn12Months.ToString(CultureInfo.InvariantCulture)} orders",
            value.LastOrderAt is { } last ? $"last order {Day(last)}" : "no orders yet",
        };
        if (!figures.Needs.IsEmpty)
            parts.Add(figures.Needs.Describe());

        var blocks = new List<CardBlock> { new CardSection(Heading), new CardText(string.Join(" · ", parts), TextEmphasis.Strong) };
        if (figures.LatestMove is { } move)
            blocks.Add(new CardText(Capitalised(move.DescribeWithDate()), move.IsDrop ? TextEmphasis.Warning : TextEmphasis.Subtle));
        return blocks;
    }

    /// <summary>"€12,340", "£980", "CHF 1,200": whole units, which is what a rep says on the phone.</summary>
    public static string Money(decimal amount, string currency)
    {
        var whole = decimal.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture);
        return currency.Trim() switch
        {
            "EUR" => "€" + whole,
            "GBP" => "£" + whole,
            "USD" => "$" + whole,
            var code => $"{code} {whole}",
        };
    }

    private static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
