using System.Globalization;
using System.Text.Json;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Streams a JSON Lines file: one object per line, properties named like the columns (any case). Strings, numbers and
/// booleans are read as their text; arrays (of trigger kinds, of countries) as their items joined by '|'. A line that
/// is not a JSON object carries its problem instead of failing the file.
/// </summary>
internal sealed class JsonLinesRecordReader(TextReader text, ImportColumns columns)
{
    public IEnumerable<ImportRecord> Read()
    {
        long line = 0;
        while (text.ReadLine() is { } raw)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
                continue;
            if (raw.Length > CsvRecordReader.MaxRecordLength)
            {
                yield return new ImportRecord(line, raw[..200] + "…", new Dictionary<string, string?>(), string.Create(CultureInfo.InvariantCulture, $"the line is {raw.Length:N0} characters long"));
                continue;
            }
            if (raw.Contains('\uFFFD', StringComparison.Ordinal))
            {
                yield return new ImportRecord(line, raw, new Dictionary<string, string?>(), "holds bytes that are not valid UTF-8");
                continue;
            }
            yield return Parse(line, raw);
        }
    }

    private ImportRecord Parse(long line, string raw)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new ImportRecord(line, raw, values, "is not a JSON object");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (columns.FieldOf(property.Name) is { } field)
                    values[field] = Text(property.Value);
            }
            return new ImportRecord(line, raw, values);
        }
        catch (JsonException invalid)
        {
            return new ImportRecord(line, raw, values, $"is not valid JSON ({invalid.Message.Split('.')[0]})");
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join('|', value.EnumerateArray().Select(Text)),
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };
}
