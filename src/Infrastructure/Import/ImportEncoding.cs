namespace ChatCrm.Infrastructure.Import;

/// <summary>The text encoding of the file: detected (UTF-8 when every byte is valid UTF-8, else Windows-1252) or forced.</summary>
public enum ImportEncoding
{
    Detect = 0,
    Utf8 = 1,
    Windows1252 = 2,
}
