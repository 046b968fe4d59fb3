using System.Globalization;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Reads numbers, dates and yes/no values as exports write them: a decimal comma or point (with the other as a
/// thousands separator: "1.234,56", "1,234.56"); ISO dates and times ("2025-03-14", "2025-03-14T09:30:00+01:00") or
/// day-first dates ("14/03/2025", "14.03.2025"), taken as UTC midnight; "granted"/"withdrawn", yes/no, sí/no, true/false, 1/0.
/// Each returns null when the text is not one.
/// </summary>
public static class ImportValues
{
    private static readonly string[] DayFirst = ["dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss"];

    public static decimal? Amount(string? text)
    {
        var value = text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value) || value.Length > 40)
            return null;
        var comma = value.LastIndexOf(',');
        var point = value.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
            value = comma > point
                ? value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : value.Replace(",", string.Empty, StringComparison.Ordinal);
        else if (comma >= 0)
            value = value.Count(c => c == ',') == 1 ? value.Replace(',', '.') : value.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    public static DateTimeOffset? Date(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 40)
            return null;
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(value, DayFirst, CultureInfo.InvariantCulture, styles, out var dayFirst))
            return dayFirst;
        // ISO 8601 and its usual variants ("2025-03-14 09:30"); a time without an offset is UTC.
        return char.IsAsciiDigit(value[0]) && value.Length >= 10 && value[4] == '-'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var iso)
            ? iso
            : null;
    }

    public static bool? Granted(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "GRANTED" or "GRANT" or "YES" or "Y" or "TRUE" or "1" or "SI" or "SÍ" or "OPT-IN" or "OPTIN" => true,
        "WITHDRAWN" or "WITHDRAW" or "REVOKED" or "NO" or "N" or "FALSE" or "0" or "OPT-OUT" or "OPTOUT" => false,
        _ => null,
    };

    /// <summary>A list in one cell: items separated by '|' (or ',' and ';' when the file's own separator is another), blanks dropped.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(['|', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
