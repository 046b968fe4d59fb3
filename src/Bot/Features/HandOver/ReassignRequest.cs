using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>
/// What "reassign …" asks, read from the words after the command: one customer ("María Núñez to Luis", "María a Luis")
/// or a whole book ("all from Ana to Luis", "todos de Ana a Luis"). The new owner is what follows the last " to " or
/// " a ", so a customer's name may itself hold those words.
/// </summary>
public sealed record ReassignRequest(bool WholeBook, string Subject, string Heir)
{
    private static readonly string[] BookPrefixes = ["all from ", "all of ", "todos de ", "todos los de ", "todo de ", "toda de "];
    private static readonly string[] Separators = [" to ", " a "];

    /// <returns>The request, or null when the words do not say who gets what.</returns>
    public static ReassignRequest? Parse(string? argument)
    {
        var text = argument?.Trim() ?? string.Empty;
        var folded = SearchText.Fold(text) + " ";
        var prefix = BookPrefixes.FirstOrDefault(p => folded.StartsWith(p, StringComparison.Ordinal));
        var rest = prefix is null ? text : text[prefix.Length..];
        var cut = Separators.Select(s => (Separator: s, At: rest.LastIndexOf(s, StringComparison.OrdinalIgnoreCase))).MaxBy(c => c.At);
        if (cut.At <= 0)
            return null;
        var subject = rest[..cut.At].Trim();
        var heir = rest[(cut.At + cut.Separator.Length)..].Trim();
        return subject.Length == 0 || heir.Length == 0 ? null : new ReassignRequest(prefix is not null, subject, heir);
    }
}
