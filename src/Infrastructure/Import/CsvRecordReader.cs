using System.Globalization;
using nietras.SeparatedValues;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Streams the records of a separated-values file (comma or semicolon, found by <see cref="ImportFileSurvey"/>) with
/// Sep: quoted fields may hold separators, quotes and line breaks. The header names the columns; each record keeps
/// its text as written for the rejects file. A record with another number of columns than the header, or with text
/// that was not valid in the file's encoding, carries its problem instead of failing the file.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    /// <summary>A record longer than this is taken for an unclosed quote that swallowed the rest of the file.</summary>
    public const int MaxRecordLength = 1 << 20;

    private readonly SepReader _reader;
    private readonly string?[] _fieldOfColumn;

    public CsvRecordReader(TextReader text, char separator, ImportColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).From(text);
        Headers = [.. _reader.Header.ColNames];
        _fieldOfColumn = [.. Headers.Select(columns.FieldOf)];
        Separator = separator;
    }

    public IReadOnlyList<string> Headers { get; }

    public char Separator { get; }

    /// <summary>The header line as read, to head the rejects file.</summary>
    public string HeaderLine => string.Join(Separator, Headers.Select(h => Quote(h, Separator)));

    /// <summary>The header a field came from, to name it in a problem.</summary>
    public string ColumnOf(string field)
    {
        for (var i = 0; i < _fieldOfColumn.Length; i++)
        {
            if (_fieldOfColumn[i] == field)
                return Headers[i];
        }
        return field;
    }

    public IEnumerable<ImportRecord> Read()
    {
        foreach (var row in _reader)
        {
            // The text as written first: reading a column unescapes it in Sep's buffer.
            var raw = row.Span.ToString();
            var line = row.LineNumberFrom;
            if (raw.Length == 0)
                continue;
            if (raw.Length > MaxRecordLength)
            {
                yield return new ImportRecord(line, raw[..200] + "…", new Dictionary<string, string?>(),
                    string.Create(CultureInfo.InvariantCulture, $"the record is {raw.Length:N0} characters long: an unclosed quote?"));
                continue;
            }
            var values = new Dictionary<string, string?>(_fieldOfColumn.Length, StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(row.ColCount, _fieldOfColumn.Length); i++)
            {
                if (_fieldOfColumn[i] is { } field)
                    values[field] = row[i].ToString();
            }
            string? problem = null;
            if (row.ColCount != Headers.Count && !(row.ColCount == 1 && raw.Length == 0))
                problem = string.Create(CultureInfo.InvariantCulture, $"has {row.ColCount} columns; the header has {Headers.Count}");
            else if (raw.Contains('\uFFFD', StringComparison.Ordinal))
                problem = "holds bytes that are not valid UTF-8 (if the file is from an old spreadsheet, try --encoding windows-1252)";
            yield return new ImportRecord(line, raw, values, problem);
        }
    }

    public static string Quote(string value, char separator) =>
        value.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    public void Dispose() => _reader.Dispose();
}
