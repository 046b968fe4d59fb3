using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// A customer moved between tiers (or got their first tier) at a recalculation: the history that lets a digest
/// say "dropped from Gold". Only real moves are recorded; a recalculation that keeps a customer's tier adds nothing.
/// </summary>
public sealed class TierChange
{
    private TierChange()
    {
        Currency = string.Empty;
    }

    private TierChange(TierChangeId id, CustomerId customerId, ValueTier? fromTier, ValueTier toTier, DateTimeOffset changedAt, decimal value, string currency)
    {
        Id = id;
        CustomerId = customerId;
        FromTier = fromTier;
        ToTier = toTier;
        ChangedAt = changedAt;
        Value = value;
        Currency = currency;
    }

    public TierChangeId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    /// <summary>Null for a customer's first tier.</summary>
    public ValueTier? FromTier { get; private set; }

    public ValueTier ToTier { get; private set; }

    /// <summary>When the recalculation that saw the move ran.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The customer's trailing-twelve-month value at that moment, in <see cref="Currency"/>.</summary>
    public decimal Value { get; private set; }

    /// <summary>The reporting currency of <see cref="Value"/>.</summary>
    public string Currency { get; private set; }

    public bool IsFirstAssignment => FromTier is null;

    public bool IsDrop => FromTier is { } from && ToTier < from;

    /// <summary>The change from <paramref name="previous"/> to <paramref name="current"/>, or null when the tier stayed the same.</summary>
    public static TierChange? Detect(CustomerId customerId, ValueTier? previous, ValueTier current, DateTimeOffset at, decimal value, string currency)
    {
        if (previous == current)
            return null;
        return new TierChange(TierChangeId.New(), customerId, previous, current, at.ToUniversalTime(), value, currency);
    }

    /// <summary>"dropped from Gold to Silver", "rose to Platinum", or "first ranked Bronze".</summary>
    public string Describe() => Describe(FromTier, ToTier);

    /// <summary>
    /// <see cref="Describe()"/> with the day, in both languages: "dropped from Platinum to Gold on 2026-11-01", "bajó de
    /// Platinum a Gold el 2026-11-01" (tier names are product terms).
    /// </summary>
    /// <param name="zone">The reader's zone, whose calendar the day is read in; UTC when not given.</param>
    public LocalizedText ExplainWithDate(TimeZoneInfo? zone = null)
    {
        var day = TimeZoneInfo.ConvertTime(ChangedAt, zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var spanish = FromTier switch
        {
            null => $"primera clasificación: {ToTier}",
            { } f when ToTier < f => $"bajó de {f} a {ToTier}",
            { } f when ToTier > f => $"subió a {ToTier} desde {f}",
            _ => $"sigue en {ToTier}",
        };
        return new LocalizedText($"{Describe()} on {day}", $"{spanish} el {day}");
    }

    public static string Describe(ValueTier? from, ValueTier to) => from switch
    {
        null => $"first ranked {to}",
        { } f when to < f => $"dropped from {f} to {to}",
        { } f when to > f => $"rose to {to} from {f}",
        _ => $"stayed {to}",
    };
}
