using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>What the <c>users</c> command prints: a confirmation, the refusal with each option at fault, or the directory as a table.</summary>
internal sealed class UsersConsole(TextWriter output, TextWriter error)
{
    public TextWriter Error { get; } = error;

    public async Task<int> ReportAsync<T>(string what, DirectoryResult<T> result, Func<T, string> done, Func<string, string> optionFor)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(done(result.Value!));
            return 0;
        }
        await Error.WriteLineAsync($"{what}: refused, nothing was written.");
        foreach (var problem in result.Problems)
            await Error.WriteLineAsync($"  {optionFor(problem.Field)}: {problem.Message}");
        return UsersCommand.Refused;
    }

    public async Task ListAsync(IReadOnlyList<DirectoryEntry> entries)
    {
        string[] header = ["Name", "E-mail", "Role", "Team", "Manager", "Time zone", "Language", "Status", "Chat"];
        var rows = entries.Select(e => new[]
        {
            e.Name, e.Email ?? "-", e.Role.ToString(), e.Team ?? "-", e.ManagerEmail ?? "-", e.TimeZone, e.Locale,
            e.Active ? "active" : "deactivated",
            string.Join('+', new[] { e.LinkedToTeams ? "teams" : null, e.LinkedToSlack ? "slack" : null }.OfType<string>()) is { Length: > 0 } linked ? linked : "-",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        await output.WriteLineAsync($"{entries.Count:N0} user(s).");
    }
}
