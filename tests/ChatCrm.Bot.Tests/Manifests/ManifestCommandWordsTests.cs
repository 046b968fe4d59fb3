using System.Text.Json.Nodes;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>
/// The command words the manifests show are the words the bot understands, and every command the bot understands is
/// shown somewhere: a Teams command title (English and Spanish), or a verb in Slack's <c>/crm</c> usage hint.
/// </summary>
public sealed class ManifestCommandWordsTests
{
    /// <summary>The commands exactly as the bot registers them.</summary>
    private static readonly CommandRegistry Registry = new ServiceCollection().AddFeatures().AddSingleton<CommandRegistry>()
        .BuildServiceProvider().GetRequiredService<CommandRegistry>();

    /// <summary>A command a user never needs to be shown: "cancel", which only matters inside a dialog.</summary>
    private static readonly string[] NotShown = ["cancel"];

    /// <summary>
    /// Commands that do not fit the 12 personal commands Teams allows, by the command whose description names them
    /// instead: recording consent, sending the privacy centre link and the privacy officer's under "privacy", the manager's hand-over under "digest",
    /// correcting one's own last interaction under "log".
    /// </summary>
    private static readonly Dictionary<string, string[]> NamedByAnother = new(StringComparer.Ordinal)
    {
        ["privacy"] = ["consent", "privacylink", "duplicates", "export", "erase", "erasurerequests"],
        ["digest"] = ["reassign"],
        ["log"] = ["amend", "withdraw"],
    };

    private static readonly TeamsPackage Package = ManifestSamples.BuildTeams();

    private static IEnumerable<JsonObject> TeamsCommands() =>
        ManifestSamples.Json(Package.Manifest)["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray()).Select(c => c!.AsObject());

    private static IEnumerable<string> SpanishTitles() =>
        ManifestSamples.Json(ManifestSamples.Entries(Package.Zip)["es.json"])
            .Where(p => p.Key.EndsWith(".title", StringComparison.Ordinal) && p.Key.StartsWith("bots[", StringComparison.Ordinal))
            .Select(p => (string)p.Value!);

    private static List<string> SlackVerbs()
    {
        var yaml = new SlackManifestBuilder().Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl }).Artefact!;
        var hint = (string)YamlToJson.Convert(yaml, out _)!["features"]!["slash_commands"]![0]!["usage_hint"]!;
        return hint.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part => part.Split(' ')[0]).ToList();
    }

    private static IEnumerable<string> AllVerbs() => Registry.Commands.Select(c => c.Spec.Verb);

    [Fact]
    public void SlackShortcuts_CallbackIdsAndTypes_AreExactlyTheOnesTheBotAnswers()
    {
        var yaml = new SlackManifestBuilder().Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl }).Artefact!;
        var shortcuts = YamlToJson.Convert(yaml, out _)!["features"]!["shortcuts"]!.AsArray()
            .Select(s => ((string)s!["callback_id"]!, (string)s["type"]!)).ToList();

        // The log form declares them (IChatForm.Shortcuts); Slack's adapter opens whichever form declares a shortcut's id.
        Assert.Equal([(LogChatForm.GlobalShortcut, "global"), (LogChatForm.MessageShortcut, "message")], shortcuts);
        Assert.Equal(LogChatForm.ShortcutsOffered.Select(s => (s.Id, s.OnMessage ? "message" : "global")), shortcuts);
    }

    [Fact]
    public void TeamsCommandTitles_EnglishAndSpanish_AreAllCommandsTheBotUnderstands()
    {
        var titles = TeamsCommands().Select(c => (string)c["title"]!).Concat(SpanishTitles()).ToList();

        Assert.NotEmpty(titles);
        Assert.All(titles, title => Assert.NotNull(Registry.Parse(title)));
    }

    [Fact]
    public void SlackUsageHint_EveryVerb_IsACommandTheBotUnderstands()
    {
        var verbs = SlackVerbs();

        Assert.NotEmpty(verbs);
        Assert.All(verbs, verb => Assert.NotNull(Registry.Parse(verb)));
    }

    [Fact]
    public void SlackUsageHint_EveryUserFacingCommand_IsListed()
    {
        var listed = SlackVerbs().Select(v => Registry.Parse(v)?.Verb).ToHashSet();

        var missing = AllVerbs().Except(NotShown).Where(c => !listed.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"Not in the usage hint: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TeamsCommandLists_EveryUserFacingCommand_IsATitleOrNamedByAnother()
    {
        var titled = TeamsCommands().Select(c => Registry.Parse((string)c["title"]!)?.Verb).ToHashSet();
        var untitled = AllVerbs().Except(NotShown).Except(NamedByAnother.Values.SelectMany(v => v)).Where(c => !titled.Contains(c)).ToList();
        Assert.True(untitled.Count == 0, $"No Teams command title: {string.Join(", ", untitled)}");

        foreach (var (host, guests) in NamedByAnother)
        {
            var command = TeamsCommands().First(c => Registry.Parse((string)c["title"]!)?.Verb == host);
            var named = ((string)command["description"]!).Split([' ', ',', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => Registry.Parse(w)?.Verb).ToHashSet();
            var unnamed = guests.Where(c => !named.Contains(c)).ToList();
            Assert.True(unnamed.Count == 0, $"Not named by \"{host}\": {string.Join(", ", unnamed)}");
        }
    }

    [Fact]
    public void TeamsCommandLists_ManagerAndAdminCommands_AreOnlyInThePersonalScope()
    {
        var lists = ManifestSamples.Json(Package.Manifest)["bots"]![0]!["commandLists"]!.AsArray();
        var personalOnly = new[] { "digest", "kpis", "admin", "privacy", "reassign" };

        foreach (var list in lists)
        {
            var scopes = list!["scopes"]!.AsArray().Select(s => (string?)s).ToList();
            var names = list["commands"]!.AsArray().Select(c => Registry.Parse((string)c!["title"]!)?.Verb).ToList();
            if (!scopes.SequenceEqual(["personal"]))
                Assert.Empty(names.Intersect(personalOnly));
        }
    }
}
