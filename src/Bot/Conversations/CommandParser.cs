using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations;

public enum CommandName
{
    Unknown,
    Help,
    Cancel,
    Find,
    Log,
    Last,
    Offers,
    Export,
    Erase,
    Duplicates,
    Privacy,
    Cases,
    Case,
    History,
    Digest,
    Suggestions,
    Kpis,
    Admin,
}

public sealed record ParsedCommand(CommandName Name, string Argument);

/// <summary>Reads a typed command: its first word (English or Spanish, accents ignored) and the rest as its argument.</summary>
public static class CommandParser
{
    private static readonly Dictionary<string, CommandName> Words = new(StringComparer.Ordinal)
    {
        ["help"] = CommandName.Help,
        ["ayuda"] = CommandName.Help,
        ["?"] = CommandName.Help,
        ["cancel"] = CommandName.Cancel,
        ["cancelar"] = CommandName.Cancel,
        ["stop"] = CommandName.Cancel,
        ["find"] = CommandName.Find,
        ["search"] = CommandName.Find,
        ["buscar"] = CommandName.Find,
        ["log"] = CommandName.Log,
        ["registrar"] = CommandName.Log,
        ["last"] = CommandName.Last,
        ["ultimo"] = CommandName.Last,
        ["ultima"] = CommandName.Last,
        ["offers"] = CommandName.Offers,
        ["offer"] = CommandName.Offers,
        ["ofertas"] = CommandName.Offers,
        ["suggestions"] = CommandName.Suggestions,
        ["sugerencias"] = CommandName.Suggestions,
        ["export"] = CommandName.Export,
        ["exportar"] = CommandName.Export,
        ["privacy"] = CommandName.Privacy,
        ["privacidad"] = CommandName.Privacy,
        ["duplicates"] = CommandName.Duplicates,
        ["duplicados"] = CommandName.Duplicates,
        ["cases"] = CommandName.Cases,
        ["casos"] = CommandName.Cases,
        ["case"] = CommandName.Case,
        ["caso"] = CommandName.Case,
        ["history"] = CommandName.History,
        ["historial"] = CommandName.History,
        ["digest"] = CommandName.Digest,
        ["resumen"] = CommandName.Digest,
        ["kpis"] = CommandName.Kpis,
        ["kpi"] = CommandName.Kpis,
        ["indicadores"] = CommandName.Kpis,
        ["erase"] = CommandName.Erase,
        ["borrar"] = CommandName.Erase,
        ["suprimir"] = CommandName.Erase,
        ["admin"] = CommandName.Admin,
    };

    public static ParsedCommand Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return new ParsedCommand(CommandName.Unknown, string.Empty);
        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        var first = space < 0 ? trimmed : trimmed[..space];
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
        var word = first == "?" ? "?" : SearchText.Fold(first);
        return Words.TryGetValue(word, out var name)
            ? new ParsedCommand(name, rest)
            : new ParsedCommand(CommandName.Unknown, trimmed);
    }

    /// <summary>Commands that work at any step of a dialog.</summary>
    public static bool IsGlobal(CommandName name) => name is CommandName.Cancel or CommandName.Help;
}
