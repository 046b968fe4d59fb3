namespace ChatCrm.Infrastructure.Import;

/// <summary>How the file is written: separated values with a header line, or one JSON object per line.</summary>
public enum ImportFormat
{
    Csv = 1,
    JsonLines = 2,
}
