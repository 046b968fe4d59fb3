using ChatCrm.Domain.Common;
using NodaTime;

namespace ChatCrm.Domain.Users;

/// <summary>
/// Reads a time zone as people name it: an IANA id in any case ("europe/madrid") or a city people say instead
/// ("Madrid", "Nueva York", "Bogota"), accents and case ignored. Only ids the IANA database (NodaTime's Tzdb) knows
/// are accepted, so "Madrid/Spain" is refused rather than stored and later read as UTC.
/// </summary>
public static class TimeZoneNames
{
    private static readonly Dictionary<string, string> Cities = new(StringComparer.Ordinal)
    {
        ["madrid"] = "Europe/Madrid", ["spain"] = "Europe/Madrid", ["espana"] = "Europe/Madrid", ["barcelona"] = "Europe/Madrid",
        ["canary islands"] = "Atlantic/Canary", ["canarias"] = "Atlantic/Canary", ["islas canarias"] = "Atlantic/Canary",
        ["las palmas"] = "Atlantic/Canary", ["tenerife"] = "Atlantic/Canary",
        ["london"] = "Europe/London", ["londres"] = "Europe/London",
        ["lisbon"] = "Europe/Lisbon", ["lisboa"] = "Europe/Lisbon",
        ["paris"] = "Europe/Paris", ["berlin"] = "Europe/Berlin", ["rome"] = "Europe/Rome", ["roma"] = "Europe/Rome",
        ["amsterdam"] = "Europe/Amsterdam", ["brussels"] = "Europe/Brussels", ["bruselas"] = "Europe/Brussels",
        ["dublin"] = "Europe/Dublin", ["zurich"] = "Europe/Zurich",
        ["new york"] = "America/New_York", ["nueva york"] = "America/New_York",
        ["chicago"] = "America/Chicago", ["denver"] = "America/Denver",
        ["los angeles"] = "America/Los_Angeles", ["san francisco"] = "America/Los_Angeles",
        ["mexico city"] = "America/Mexico_City", ["ciudad de mexico"] = "America/Mexico_City", ["mexico"] = "America/Mexico_City",
        ["cdmx"] = "America/Mexico_City",
        ["bogota"] = "America/Bogota", ["lima"] = "America/Lima", ["santiago"] = "America/Santiago",
        ["santiago de chile"] = "America/Santiago", ["buenos aires"] = "America/Argentina/Buenos_Aires",
        ["caracas"] = "America/Caracas", ["montevideo"] = "America/Montevideo", ["quito"] = "America/Guayaquil",
        ["sao paulo"] = "America/Sao_Paulo", ["toronto"] = "America/Toronto",
        ["utc"] = "UTC", ["gmt"] = "UTC",
    };

    private static readonly Dictionary<string, string> Ids = DateTimeZoneProviders.Tzdb.Ids
        .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The IANA id <paramref name="text"/> names, or null when it names no zone.</summary>
    public static string? Resolve(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 64)
            return null;
        if (Ids.TryGetValue(trimmed.Replace(' ', '_'), out var id))
            return id;
        return Cities.GetValueOrDefault(SearchText.Fold(trimmed));
    }

    /// <summary>True for an id the IANA database knows exactly as written ("Europe/Madrid"), as a chat client reports it.</summary>
    public static bool IsIanaId(string? id) =>
        id is { Length: > 0 and <= 64 } && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;
}
