using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Admin;

public enum AdminSubcommand
{
    Status,
    Map,
    Digest,
    Consent,

    /// <summary>A word after "admin" that names no sub-command: the admin help card answers.</summary>
    Unknown,
}

/// <summary>
/// What an admin typed after "admin": the sub-command (English or Spanish word, accents ignored) and the rest, split
/// into words. "admin" alone is the status.
/// </summary>
public sealed record AdminRequest(AdminSubcommand Subcommand, string Word, IReadOnlyList<string> Words)
{
    private static readonly Dictionary<string, AdminSubcommand> Subcommands = new(StringComparer.Ordinal)
    {
        ["status"] = AdminSubcommand.Status,
        ["estado"] = AdminSubcommand.Status,
        ["map"] = AdminSubcommand.Map,
        ["link"] = AdminSubcommand.Map,
        ["vincular"] = AdminSubcommand.Map,
        ["digest"] = AdminSubcommand.Digest,
        ["resumen"] = AdminSubcommand.Digest,
        ["consent"] = AdminSubcommand.Consent,
        ["consentimiento"] = AdminSubcommand.Consent,
    };

    public static AdminRequest Parse(string? argument)
    {
        var words = (argument ?? string.Empty).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return new AdminRequest(AdminSubcommand.Status, "status", []);
        var word = SearchText.Fold(words[0]);
        return new AdminRequest(Subcommands.GetValueOrDefault(word, AdminSubcommand.Unknown), words[0], words[1..]);
    }

    /// <summary>Words meaning "move it even if it is linked to someone else".</summary>
    public static bool IsForce(string word) => SearchText.Fold(word.TrimStart('-')) is "force" or "forzar";
}
