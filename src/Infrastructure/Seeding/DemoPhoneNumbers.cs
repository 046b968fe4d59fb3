using System.Globalization;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// A block of phone numbers valid in one country: a country calling code, the leading digits allowed after it
/// (mobile prefixes, area codes) and the number of free digits that follow. Customer number <c>n</c> gets the
/// <c>n</c>-th number of the block in a fixed scrambled order, so numbers look random, never repeat while
/// <c>n</c> stays below <see cref="Capacity"/>, and do not depend on the random seed: runs with other seeds
/// into the same database (which continue the customer numbering) cannot collide.
/// </summary>
internal sealed class DemoPhoneNumbers
{
    // 7919 × 10007: coprime with every capacity below (no prefix count is a multiple of either prime),
    // so n ↦ (a·n + b) mod capacity is a bijection.
    private const long Multiplier = 79_246_433;
    private const long Offset = 12_345_677;

    private readonly string _callingCode;
    private readonly string[] _prefixes;
    private readonly int _freeDigits;
    private readonly long _blockSize;

    public DemoPhoneNumbers(string callingCode, int freeDigits, params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Length == 0 || prefixes.Length % 7919 == 0 || prefixes.Length % 10007 == 0)
            throw new ArgumentException("The prefix count must be positive and share no factor with the scrambling multiplier.", nameof(prefixes));
        _callingCode = callingCode;
        _prefixes = prefixes;
        _freeDigits = freeDigits;
        _blockSize = (long)Math.Pow(10, freeDigits);
        Capacity = _blockSize * prefixes.Length;
    }

    /// <summary>How many distinct numbers the block holds.</summary>
    public long Capacity { get; }

    /// <summary>The number as a person would type it in international form, e.g. "+34 612345678".</summary>
    public string ForCustomer(long customerNumber)
    {
        if (customerNumber < 0 || customerNumber >= Capacity)
            throw new InvalidOperationException($"Customer number {customerNumber} is past the {Capacity} demo phone numbers of +{_callingCode}.");
        var slot = (long)(((Int128)customerNumber * Multiplier + Offset) % Capacity);
        var prefix = _prefixes[slot / _blockSize];
        var digits = (slot % _blockSize).ToString(CultureInfo.InvariantCulture).PadLeft(_freeDigits, '0');
        return $"+{_callingCode} {prefix}{digits}";
    }

    /// <summary>North American numbers: an area code, then an exchange that starts with 2–9, then free digits.</summary>
    public static DemoPhoneNumbers NorthAmerican(params string[] areaCodes) =>
        new("1", 6, [.. areaCodes.SelectMany(area => "23456789".Select(exchangeStart => $"{area} {exchangeStart}"))]);
}
