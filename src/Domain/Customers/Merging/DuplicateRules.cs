using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Domain.Customers.Merging;

/// <summary>Why another record might be the same customer; <see cref="Strong"/> when name and company both agree.</summary>
public sealed record DuplicateSuspicion(Customer Candidate, IReadOnlyList<LocalizedText> Reasons, bool Strong);

/// <summary>
/// Spots records that are probably the same customer — the parallel systems that split one customer into many:
/// the same name (word by word, extra surnames allowed; a slip or two allowed when the company agrees) at the same
/// company, or exactly the same name in the same country when the company differs or is missing. Only a person
/// decides to merge; this only points.
/// </summary>
public static class DuplicateRules
{
    private static readonly LocalizedText SameCompany = new("same company", "misma empresa");

    public static DuplicateSuspicion? Assess(Customer subject, Customer other)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == subject.Id || other.MergedIntoId is not null || other.IsErased)
            return null;
        return Weigh(subject, other.NameKey, other.CompanyKey, other.Country) is { } reasons
            ? new DuplicateSuspicion(other, reasons, IsStrong(reasons))
            : null;
    }

    /// <summary>
    /// The same rules over what they read of the other record (its folded name and company, its country), for
    /// callers that hold only those (the import weighs thousands of stored records per batch): why it looks like
    /// <paramref name="subject"/>, the name's reason first, or null when it does not. The caller leaves out the
    /// subject itself and merged or erased records.
    /// </summary>
    public static IReadOnlyList<LocalizedText>? Weigh(Customer subject, string otherNameKey, string otherCompanyKey, CountryCode otherCountry)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.IsErased || NameSlips(subject.NameKey, otherNameKey) is not { } slips)
            return null;

        var reasons = new List<LocalizedText>
        {
            slips == 0
                ? new LocalizedText("same name", "mismo nombre")
                : new LocalizedText($"name differs by {slips} letter(s)", $"el nombre difiere en {slips} letra(s)"),
        };
        if (subject.CompanyKey.Length > 0 && subject.CompanyKey == otherCompanyKey)
            reasons.Add(SameCompany);
        else if (slips == 0 && subject.Country == otherCountry)
            reasons.Add(otherCompanyKey.Length == 0 || subject.CompanyKey.Length == 0
                ? new LocalizedText("same country, one has no company", "mismo país, una sin empresa")
                : new LocalizedText("same country, another company", "mismo país, otra empresa"));
        else
            return null;
        return reasons;
    }

    /// <summary>A suspicion is strong when name and company both agree.</summary>
    public static bool IsStrong(IReadOnlyList<LocalizedText> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Contains(SameCompany);
    }

    /// <summary>
    /// The letters by which two folded names differ when every word of the shorter name matches, in order, a word
    /// of the longer one within the allowed slips ("maria nunez" and "maria nunes garcia"); null otherwise.
    /// </summary>
    public static int? NameSlips(string firstKey, string secondKey)
    {
        var first = Words(firstKey);
        var second = Words(secondKey);
        var (shorter, longer) = first.Length <= second.Length ? (first, second) : (second, first);
        if (shorter.Length < 2)
            return null;
        var slips = 0;
        var next = 0;
        foreach (var word in shorter)
        {
            var matched = false;
            for (; next < longer.Length && !matched; next++)
            {
                var allowed = TypoDistance.Allowed(word, longer[next]);
                var distance = TypoDistance.Within(word, longer[next], allowed);
                if (distance <= allowed)
                {
                    slips += distance;
                    matched = true;
                }
            }
            if (!matched)
                return null;
        }
        return slips;
    }

    private static string[] Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
