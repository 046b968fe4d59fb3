using System.Text;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Text a fuzzer sends that no decoder can read, for every endpoint that takes a body: a request is written with
/// <see cref="Marker"/> where a string's content goes, and the marker is replaced by the faulty bytes.
/// </summary>
public static class UndecodableText
{
    public const string Marker = "UNDECODABLE";

    /// <summary>The faults of a JSON body, inside a string.</summary>
    public static TheoryData<string> JsonFaults => new()
    {
        "invalid UTF-8 byte sequence",
        "lone high surrogate escape",
        "lone low surrogate escape",
        "truncated multi-byte sequence",
        "declared non-UTF-8 charset",
    };

    /// <summary>The faults of a form-encoded body, inside a value (as Slack sends commands and interactions).</summary>
    public static TheoryData<string> FormFaults => new()
    {
        "invalid UTF-8 byte sequence",
        "percent-encoded invalid UTF-8",
        "percent-encoded truncated multi-byte sequence",
        "percent-encoded surrogate",
        "declared non-UTF-8 charset",
    };

    /// <summary>The faults of a form whose value is JSON (an interaction's <c>payload</c>): the form's, and the JSON escapes inside it.</summary>
    public static TheoryData<string> PayloadFaults
    {
        get
        {
            var faults = FormFaults;
            faults.Add("lone high surrogate escape");
            faults.Add("lone low surrogate escape");
            return faults;
        }
    }

    /// <summary><paramref name="json"/> (holding <see cref="Marker"/> inside a string) with the fault in its place, and the content type to send.</summary>
    public static (byte[] Body, string ContentType) Json(string json, string fault)
    {
        ArgumentNullException.ThrowIfNull(json);
        var contentType = "application/json";
        byte[] replacement = fault switch
        {
            "invalid UTF-8 byte sequence" => [(byte)'M', 0xC3, 0x28, (byte)'a'],
            "lone high surrogate escape" => Encoding.ASCII.GetBytes("Mar\\ud800ia"),
            "lone low surrogate escape" => Encoding.ASCII.GetBytes("\\udc00"),
            "truncated multi-byte sequence" => [(byte)'M', 0xE2, 0x82],
            "declared non-UTF-8 charset" => Encoding.ASCII.GetBytes("Maria"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        if (fault == "declared non-UTF-8 charset")
            contentType = "application/json; charset=iso-8859-1";
        return (Replace(json, replacement), contentType);
    }

    /// <summary><paramref name="form"/> (already form-encoded, holding <see cref="Marker"/> in a value) with the fault in its place.</summary>
    public static (byte[] Body, string ContentType) Form(string form, string fault)
    {
        ArgumentNullException.ThrowIfNull(form);
        var contentType = "application/x-www-form-urlencoded";
        byte[] replacement = fault switch
        {
            "invalid UTF-8 byte sequence" => [(byte)'M', 0xFF, (byte)'a'],
            "percent-encoded invalid UTF-8" => Encoding.ASCII.GetBytes("M%C3%28a"),
            "percent-encoded truncated multi-byte sequence" => Encoding.ASCII.GetBytes("M%E2%82"),
            "percent-encoded surrogate" => Encoding.ASCII.GetBytes("M%ED%B0%80a"),
            "lone high surrogate escape" => Encoding.ASCII.GetBytes("Mar%5Cud800ia"),
            "lone low surrogate escape" => Encoding.ASCII.GetBytes("%5Cudc00"),
            "declared non-UTF-8 charset" => Encoding.ASCII.GetBytes("Maria"),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        if (fault == "declared non-UTF-8 charset")
            contentType = "application/x-www-form-urlencoded; charset=iso-8859-1";
        return (Replace(form, replacement), contentType);
    }

    private static byte[] Replace(string text, byte[] replacement)
    {
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
            throw new ArgumentException($"The request holds no {Marker}.", nameof(text));
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. replacement, .. Encoding.UTF8.GetBytes(text[(at + Marker.Length)..])];
    }
}
