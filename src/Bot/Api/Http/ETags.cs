using Microsoft.Net.Http.Headers;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Entity tags from the records' <c>Version</c> concurrency column: <c>"7"</c> is the seventh saved state. A GET
/// returns it; an update must send it back in <c>If-Match</c> (428 without, 412 when stale), and the same version is
/// checked again by the database when the change is saved, so two writers racing cannot both win.
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// The version named by If-Match: null when the header is missing; <see cref="long.MinValue"/> when it names no
    /// version we ever issued (always stale). <c>*</c> is not accepted: an integration must say what it read.
    /// </summary>
    public static long? Expected(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header.ToString()))
            return null;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count != 1 || tags[0].IsWeak)
            return long.MinValue;
        var text = tags[0].Tag.AsSpan().Trim('"');
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : long.MinValue;
    }
}
