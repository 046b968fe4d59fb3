using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// The seeds' KPIs (docs/kpis.md) as one card section of the digest and "kpis": the customer base, value per customer
/// and its trend, retention, satisfaction and the response to offers. A ratio over nothing reads "—".
/// </summary>
public static class CustomerBaseCards
{
    private const string None = "—";

    public static IEnumerable<CardBlock> Section(TeamKpis kpis, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        if (kpis.CustomerBase is not { } figures)
            yield break;
        yield return new CardSection(language.Pick("Customers and service", "Clientes y servicio"));
        var value = figures.Value;
        var csat = figures.Satisfaction;
        var facts = new List<CardFact>
        {
            new(language.Pick("Customers", "Clientes"), Number(figures.Customers.Total)),
            new(language.Pick("Active (contact or order in 90 days)", "Activos (contacto o pedido en 90 días)"), Number(figures.Customers.Active)),
            new(language.Pick("New in the period", "Nuevos en el periodo"), Number(kpis.NewCustomers.Count)),
            new(language.Pick("Value per active customer (12 months)", "Valor por cliente activo (12 meses)"), value.Current is { } current
                ? $"{Money(current, value.Currency)} ({Trend(value.Trend, language)})"
                : None),
            new(language.Pick("Retention (buyers of the year before who bought again)", "Retención (compradores del año anterior que repitieron)"),
                figures.Retention.Rate is { } kept
                    ? language.Pick($"{Percent(kept)} ({figures.Retention.Retained} of {figures.Retention.Base})", $"{Percent(kept)} ({figures.Retention.Retained} de {figures.Retention.Base})")
                    : None),
            new(language.Pick("Customer satisfaction", "Satisfacción del cliente"), csat.Average is { } average
                ? language.Pick($"{Score(average)} / 5 · {Percent(csat.SatisfiedShare!.Value)} gave 4–5", $"{Score(average)} / 5 · {Percent(csat.SatisfiedShare!.Value)} dio 4–5")
                : None),
            new(language.Pick("Survey response rate", "Tasa de respuesta a encuestas"), csat.ResponseRate is { } answered
                ? language.Pick($"{Percent(answered)} ({csat.Answered} of {csat.Sent} sent)", $"{Percent(answered)} ({csat.Answered} de {csat.Sent} enviadas)")
                : None),
            new(language.Pick("Offer response rate", "Tasa de respuesta a ofertas"), kpis.Offers.ResponseRate is { } responded
                ? language.Pick($"{Percent(responded)} ({kpis.Offers.Answered} of {kpis.Offers.Presented} shown)", $"{Percent(responded)} ({kpis.Offers.Answered} de {kpis.Offers.Presented} mostradas)")
                : None),
        };
        yield return new CardFacts(facts);
    }

    private static string Trend(decimal? trend, LanguageCode language) => trend is not { } change
        ? language.Pick("no earlier figure", "sin cifra anterior")
        : language.Pick($"{Signed(change)} vs. the previous period", $"{Signed(change)} frente al periodo anterior");

    private static string Signed(decimal share) => (share > 0 ? "+" : string.Empty) + Percent(share);

    private static string Percent(decimal share) =>
        decimal.Round(share * 100m, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Score(decimal average) => average.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(amount, 0, MidpointRounding.AwayFromZero):#,0} {currency}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
