using System.Text;
using System.Text.Json;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// The rows an import refused, to fix and import again: for a CSV file, its header with a <c>rejectReason</c> column
/// added and every refused record as written plus its reasons; for JSON Lines, one object per refused line with the
/// line number, the reasons and the line as written. UTF-8 with a byte order mark, which spreadsheets read right.
/// </summary>
internal sealed class RejectsFile : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly ImportFormat _format;
    private readonly char _separator;

    public RejectsFile(string path, ImportFormat format, char separator, string? headerLine)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        _format = format;
        _separator = separator;
        if (format == ImportFormat.Csv)
            _writer.WriteLine($"{headerLine}{separator}rejectReason");
    }

    public void Write(ImportRecord record, IEnumerable<ImportProblem> problems)
    {
        var reason = string.Join("; ", problems.Select(p => p.Column is null ? p.Reason : $"{p.Column}: {p.Reason}"));
        if (_format == ImportFormat.Csv)
            _writer.WriteLine($"{record.Raw}{_separator}{CsvRecordReader.Quote(reason, _separator)}");
        else
            _writer.WriteLine(JsonSerializer.Serialize(new RejectedLine(record.Line, reason, record.Raw), RejectsJson.Default.RejectedLine));
    }

    public void Dispose() => _writer.Dispose();
}

internal sealed record RejectedLine(long Line, string Reason, string Row);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RejectedLine))]
internal sealed partial class RejectsJson : System.Text.Json.Serialization.JsonSerializerContext;
