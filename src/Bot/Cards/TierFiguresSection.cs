using System.Globalization;
using ChatCrm.Domain.Common;
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

    public static string HeadingIn(LanguageCode language) => language.Pick(Heading, "Valor");

    /// <param name="zone">The reader's zone, whose calendar the last order's day is read in; UTC when not given.</param>
    public static IReadOnlyList<CardBlock> Blocks(TierFigures figures, LanguageCode language = default, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Value is not { } value)
        {
            return
            [
                new CardSection(HeadingIn(language)),
                new CardText(language.Pick(
                    "No value tier yet: tiers appear after the next recalculation (the `tiers` command).",
                    "Aún sin nivel de valor: los niveles aparecen tras el próximo recálculo (la orden `tiers`)."), TextEmphasis.Subtle),
            ];
        }

        var parts = new List<string>
        {
            value.Tier.ToString(),
            language.Pick($"{Money(value.Value12Months, value.ReportingCurrency)} in the last 12 months",
                $"{Money(value.Value12Months, value.ReportingCurrency)} en los últimos 12 meses"),
            value.OrdersIn12Months == 1
                ? language.Pick("1 order", "1 pedido")
                : language.Pick($"{value.OrdersIn12Months.ToString(CultureInfo.InvariantCulture)} orders", $"{value.OrdersIn12Months.ToString(CultureInfo.InvariantCulture)} pedidos"),
            value.LastOrderAt is { } last ? language.Pick($"last order {Dates.Day(last, zone ?? TimeZoneInfo.Utc)}", $"último pedido {Dates.Day(last, zone ?? TimeZoneInfo.Utc)}") : language.Pick("no orders yet", "aún sin pedidos"),
        };
        if (!figures.Needs.IsEmpty)
            parts.Add(figures.Needs.Explain().In(language));

        var blocks = new List<CardBlock> { new CardSection(HeadingIn(language)), new CardText(string.Join(" · ", parts), TextEmphasis.Strong) };
        if (figures.LatestMove is { } move)
            blocks.Add(new CardText(Capitalised(move.ExplainWithDate(zone).In(language)), move.IsDrop ? TextEmphasis.Warning : TextEmphasis.Subtle));
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


    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
