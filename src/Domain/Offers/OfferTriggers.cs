using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Offers;

/// <summary>The customer events that make a moment for an offer (one queued suggestion per customer and kind).</summary>
public enum OfferTriggerKind
{
    LargeOrder = 1,

    /// <summary>An order in a deposit-like category (savings, deposits) above its own threshold: money to invest.</summary>
    LargeDeposit = 2,

    CaseResolved = 3,

    /// <summary>The value tier moved, up or down (a first tier is not a move).</summary>
    TierChanged = 4,
}

/// <summary>
/// When an order is "large": at or above <paramref name="LargeOrderAmount"/> in the reporting currency, or at least
/// <paramref name="AverageMultiple"/> times the customer's average order once they have <paramref name="MinimumOrdersForAverage"/>
/// earlier orders (a small customer's big order matters to them too). An order in one of <paramref name="DepositCategories"/>
/// is deposit-like and counts from <paramref name="LargeDepositAmount"/> instead.
/// </summary>
public sealed record OfferTriggerPolicy(
    decimal LargeOrderAmount,
    decimal AverageMultiple,
    int MinimumOrdersForAverage,
    decimal LargeDepositAmount,
    IReadOnlySet<string> DepositCategories)
{
    public static OfferTriggerPolicy Default { get; } =
        new(5_000m, 3m, 3, 10_000m, new HashSet<string>(["Savings", "Deposits"], StringComparer.OrdinalIgnoreCase));
}

/// <summary>What the order rule knows about a new order: its amount in the reporting currency (null when it cannot be converted) and the customer's earlier orders.</summary>
public sealed record OrderTriggerFacts(decimal? Amount, string ReportingCurrency, string? Category, int EarlierOrders, decimal? EarlierAverage);

/// <summary>A trigger that fired, with why in both languages.</summary>
public sealed record OfferTrigger(OfferTriggerKind Kind, LocalizedText Reason);

/// <summary>
/// The pure rules that turn customer events into queued offer suggestions for the owning rep. Each returns the
/// trigger with its reason, or null when the event is not one.
/// </summary>
public static class OfferTriggerRules
{
    public static OfferTrigger? ForOrder(OrderTriggerFacts order, OfferTriggerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        if (order.Amount is not { } amount)
            return null;
        var money = Money(amount, order.ReportingCurrency);
        if (order.Category is { } category && policy.DepositCategories.Contains(category))
        {
            if (amount < policy.LargeDepositAmount)
                return null;
            var threshold = Money(policy.LargeDepositAmount, order.ReportingCurrency);
            return new(OfferTriggerKind.LargeDeposit, new(
                $"deposit of {money} in {category} (from {threshold}): time to talk about investing it",
                $"depósito de {money} en {category} (desde {threshold}): momento de hablar de invertirlo"));
        }
        if (amount >= policy.LargeOrderAmount)
        {
            var threshold = Money(policy.LargeOrderAmount, order.ReportingCurrency);
            return new(OfferTriggerKind.LargeOrder, new($"large order of {money} (from {threshold})", $"pedido grande de {money} (desde {threshold})"));
        }
        if (order.EarlierOrders >= policy.MinimumOrdersForAverage && order.EarlierAverage is { } average && average > 0
            && amount >= policy.AverageMultiple * average)
        {
            var times = (amount / average).ToString("0.0", CultureInfo.InvariantCulture);
            var usual = Money(average, order.ReportingCurrency);
            return new(OfferTriggerKind.LargeOrder, new(
                $"order of {money}, {times}× the customer's average of {usual}",
                $"pedido de {money}, {times} veces la media del cliente ({usual})"));
        }
        return null;
    }

    public static OfferTrigger CaseResolved(string caseNumber, string title, DateTimeOffset resolvedAt)
    {
        var day = OfferWording.Date(resolvedAt);
        return new(OfferTriggerKind.CaseResolved, new(
            $"support case {caseNumber} ({title}) resolved on {day}",
            $"caso de soporte {caseNumber} ({title}) resuelto el {day}"));
    }

    /// <summary>A move between tiers, up or down; a first tier or no move is not a trigger.</summary>
    public static OfferTrigger? TierChanged(ValueTier? from, ValueTier to)
    {
        if (from is not { } previous || previous == to)
            return null;
        var (a, b) = (OfferWording.Tier(previous), OfferWording.Tier(to));
        return to > previous
            ? new(OfferTriggerKind.TierChanged, new($"rose from {a.English} to {b.English} tier", $"subió del nivel {a.Spanish} al {b.Spanish}"))
            : new(OfferTriggerKind.TierChanged, new(
                $"dropped from {a.English} to {b.English} tier: worth a retention offer", $"bajó del nivel {a.Spanish} al {b.Spanish}: conviene una oferta de retención"));
    }

    public static LocalizedText Name(OfferTriggerKind kind) => kind switch
    {
        OfferTriggerKind.LargeOrder => new("large order", "pedido grande"),
        OfferTriggerKind.LargeDeposit => new("large deposit", "depósito grande"),
        OfferTriggerKind.CaseResolved => new("case resolved", "caso resuelto"),
        _ => new("tier change", "cambio de nivel"),
    };

    private static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:N2} {currency}");
}
