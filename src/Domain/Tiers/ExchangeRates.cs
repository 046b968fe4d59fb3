using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// Fixed rates that turn order amounts into one reporting currency, so values in euros, pounds and dollars are
/// never added together raw. A rate says how many units of the reporting currency one unit of the other buys
/// (reporting EUR, GBP 1.17: £100 counts as €117). An amount in a currency without a rate cannot be converted:
/// callers leave it out and count it, so someone can add the missing rate.
/// </summary>
public sealed class ExchangeRates
{
    private readonly Dictionary<string, decimal> _rates;

    public ExchangeRates(string reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (Problems(reportingCurrency, rates).FirstOrDefault() is { } problem)
            throw new DomainRuleException(problem);
        ReportingCurrency = reportingCurrency.ToUpperInvariant();
        _rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { [ReportingCurrency] = 1m };
        foreach (var (currency, rate) in rates)
            _rates[currency.ToUpperInvariant()] = rate;
    }

    /// <summary>The currency every value is reported in (ISO 4217, upper case).</summary>
    public string ReportingCurrency { get; }

    /// <summary>Every convertible currency with its rate, the reporting currency included (rate 1), in code order.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> Rates =>
        [.. _rates.OrderBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>Only the reporting currency: anything else is left out.</summary>
    public static ExchangeRates Only(string reportingCurrency) => new(reportingCurrency, new Dictionary<string, decimal>());

    public static bool IsCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiLetter);

    /// <summary>Everything wrong with a reporting currency and its rates, in plain words; empty when they are usable.</summary>
    public static IEnumerable<string> Problems(string? reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (!IsCurrencyCode(reportingCurrency))
            yield return $"The reporting currency '{reportingCurrency}' is not an ISO 4217 code such as EUR.";
        foreach (var (currency, rate) in rates)
        {
            if (!IsCurrencyCode(currency))
                yield return $"'{currency}' is not an ISO 4217 currency code.";
            else if (string.Equals(currency, reportingCurrency, StringComparison.OrdinalIgnoreCase) && rate != 1m)
                yield return $"The reporting currency {currency.ToUpperInvariant()} converts to itself at 1, not {rate.ToString(CultureInfo.InvariantCulture)}.";
            else if (rate <= 0m)
                yield return $"The rate for {currency.ToUpperInvariant()} must be greater than zero (got {rate.ToString(CultureInfo.InvariantCulture)}).";
        }
    }

    /// <summary>The amount in the reporting currency, or false when <paramref name="currency"/> has no rate.</summary>
    public bool TryConvert(decimal amount, string currency, out decimal converted)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (_rates.TryGetValue(currency.ToUpperInvariant(), out var rate))
        {
            converted = amount * rate;
            return true;
        }
        converted = 0m;
        return false;
    }
}
