using ChatCrm.Bot.Cards;
using ChatCrm.Testing;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// The official Adaptive Cards parser (npm <c>adaptivecards</c>, pinned in <c>tests/card-validator</c>) run under
/// Node.js: each card is parsed with a 1.5 serialization context and its properties validated, and every event the
/// library raises is returned. When the validator is not installed this fails loudly with how to install it, so the
/// check can never pass by not running.
/// </summary>
public static class OfficialCardValidator
{
    public const string InstallHint = "Run ./test.sh (it installs Node.js and the validator), or: cd tests/card-validator && npm ci";

    /// <summary>The events reported for each card, by name, in the order given; an empty list means a clean card.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ValidateAsync(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var folder = ValidatorFolder();
        var input = new JsonArray(cards.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() }).ToArray());
        var start = new ProcessStartInfo("node", Path.Combine(folder, "validate.js"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"Node.js is not installed, so the official Adaptive Cards parser cannot run. {InstallHint}", missing);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(input.ToJsonString());
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"The card validator failed ({process.ExitCode}): {await errors}");
            var results = JsonNode.Parse(await output)!.AsArray();
            return results.ToDictionary(
                r => (string)r!["name"]!,
                r => (IReadOnlyList<string>)r!["events"]!.AsArray().Select(e => $"{e!["phase"]}/{e["event"]}: {e["message"]}").ToList());
        }
    }

    private static string ValidatorFolder()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "card-validator");
        if (!File.Exists(Path.Combine(folder, "node_modules", "adaptivecards", "dist", "adaptivecards.js")))
            throw new InvalidOperationException($"The official Adaptive Cards parser is not installed in {folder}. {InstallHint}");
        return folder;
    }
}
