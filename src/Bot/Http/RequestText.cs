using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace ChatCrm.Bot.Http;

/// <summary>What is wrong with a request body's text: the field it is in ("body" when it is the whole), and why.</summary>
public sealed record TextFault(string Field, string Reason)
{
    /// <summary>The 400 answer for it, as problem details (the API answers with its own field-by-field problem instead).</summary>
    public IResult ToProblem() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable text", detail: $"{Field}: {Reason}");
}

/// <summary>
/// The one check every request body passes before anything reads it as text (Teams' activities, Slack's events,
/// commands and interactions, the REST API): it must be UTF-8 as declared, with no broken or truncated byte
/// sequence, no JSON escape that names half a surrogate pair (<c>\udc00</c>), and — for form bodies — no
/// percent-encoded bytes that are not UTF-8. Anything else would surface later as an exception (a 500) in whatever
/// code first asked for the string, so it is refused here with a 400 that names the field.
/// </summary>
public static class RequestText
{
    private const string BrokenBytes = "The text is not valid UTF-8.";
    private const string LoneSurrogate = "The text has an escaped half of a surrogate pair (\\uD800-\\uDFFF without its partner).";

    /// <summary>A JSON body: null when all its text can be read.</summary>
    public static TextFault? CheckJson(ReadOnlySpan<byte> body, string? contentType) =>
        CheckCharset(contentType) ?? CheckJsonText(body, prefix: null);

    /// <summary>A form-encoded body (<c>a=1&amp;b=2</c>): every name and value, decoded, must be UTF-8; a value that is JSON is checked as JSON.</summary>
    public static TextFault? CheckForm(ReadOnlySpan<byte> body, string? contentType)
    {
        if (CheckCharset(contentType) is { } charset)
            return charset;
        if (!Utf8.IsValid(body))
            return new TextFault("body", BrokenBytes);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = PercentDecode(equals < 0 ? pair : pair[..equals]);
            var value = PercentDecode(equals < 0 ? string.Empty : pair[(equals + 1)..]);
            if (!Utf8.IsValid(name))
                return new TextFault("body", BrokenBytes);
            var field = Encoding.UTF8.GetString(name);
            if (!Utf8.IsValid(value))
                return new TextFault(field, BrokenBytes);
            var trimmed = value.AsSpan().TrimStart(" \t\r\n"u8);
            if (trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[' && CheckJsonText(value, field) is { } inner)
                return inner;
        }
        return null;
    }

    /// <summary>A declared charset other than UTF-8 (<c>application/json; charset=iso-8859-1</c>) is refused: we read UTF-8 only.</summary>
    private static TextFault? CheckCharset(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
            return new TextFault("Content-Type", "The Content-Type header cannot be read.");
        var charset = media.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : new TextFault("Content-Type", $"The body is declared as '{charset}'; send it as UTF-8.");
    }

    /// <summary>
    /// Walks the JSON's tokens: a name or string with bytes that are not UTF-8, or whose escapes do not make UTF-16,
    /// is the fault, named by the property it belongs to. JSON that is broken otherwise is left to the caller's parser.
    /// </summary>
    private static TextFault? CheckJsonText(ReadOnlySpan<byte> json, string? prefix)
    {
        var validBytes = Utf8.IsValid(json);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var field = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
                    continue;
                var name = reader.TokenType == JsonTokenType.PropertyName;
                if (!Utf8.IsValid(reader.ValueSpan))
                    return Fault(prefix, name ? "body" : field, BrokenBytes);
                string text;
                try
                {
                    text = reader.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return Fault(prefix, name ? "body" : field, LoneSurrogate);
                }
                if (name)
                    field = text;
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the caller's parser says so in its own words; broken bytes are still ours to name.
            return validBytes ? null : Fault(prefix, field, BrokenBytes);
        }
        return validBytes ? null : Fault(prefix, field, BrokenBytes);
    }

    private static TextFault Fault(string? prefix, string field, string reason) =>
        new(prefix is null ? field : field == "body" ? prefix : $"{prefix}.{field}", reason);

    /// <summary>Form decoding to bytes: <c>+</c> is a space, <c>%XY</c> a byte; a <c>%</c> not followed by two hex digits stays as it is.</summary>
    private static byte[] PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        var raw = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '+')
                bytes.Add((byte)' ');
            else if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit((char)raw[i + 1]) && Uri.IsHexDigit((char)raw[i + 2]))
            {
                bytes.Add((byte)((Uri.FromHex((char)raw[i + 1]) << 4) | Uri.FromHex((char)raw[i + 2])));
                i += 2;
            }
            else
                bytes.Add(raw[i]);
        }
        return [.. bytes];
    }
}
