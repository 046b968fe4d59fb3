using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>The Teams app package: what the zip holds, that the official validators accept it, and what is refused.</summary>
public sealed class TeamsPackageTests
{
    [Fact]
    public void Build_ValidOptions_ZipHoldsManifestLocalizationAndIconsAtItsRoot()
    {
        var entries = ManifestSamples.Entries(ManifestSamples.BuildTeams().Zip);

        Assert.Equal(["color.png", "es.json", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Build_ValidOptions_ManifestPassesTheOfficialNpmValidator()
    {
        var entries = ManifestSamples.Entries(ManifestSamples.BuildTeams().Zip);
        var folder = Directory.CreateTempSubdirectory("chatcrm-manifest-");
        try
        {
            var path = Path.Combine(folder.FullName, "manifest.json");
            await File.WriteAllBytesAsync(path, entries["manifest.json"]);

            var errors = await OfficialManifestValidator.ValidateAsync(path);

            Assert.Empty(errors);
            Assert.Empty(OfficialSchemas.ValidateTeams(System.Text.Encoding.UTF8.GetString(entries["manifest.json"])));
            Assert.Empty(OfficialSchemas.ValidateTeamsLocalization(System.Text.Encoding.UTF8.GetString(entries["es.json"]), "es.json"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OfficialNpmValidator_ManifestBrokenByHand_ReportsTheField()
    {
        // The validator really judges: the same manifest with a colour name instead of a hex code is refused.
        var manifest = ManifestSamples.Json(ManifestSamples.BuildTeams().Manifest);
        manifest["accentColor"] = "blue";
        var folder = Directory.CreateTempSubdirectory("chatcrm-manifest-");
        try
        {
            var path = Path.Combine(folder.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, manifest.ToJsonString());

            var errors = await OfficialManifestValidator.ValidateAsync(path);

            Assert.Contains(errors, e => e.StartsWith("/accentColor", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_ValidOptions_FillsIdsAndHostsAndLeavesNoPlaceholder()
    {
        var package = ManifestSamples.BuildTeams(ManifestSamples.Teams with { LinkBaseUrl = "https://links.contoso.example/crm/" });
        var manifest = ManifestSamples.Json(package.Manifest);

        Assert.DoesNotContain("{{", package.Manifest, StringComparison.Ordinal);
        Assert.Equal(ManifestSamples.AppId, (string?)manifest["id"]);
        Assert.Equal(ManifestSamples.AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("crm.contoso.example", manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("links.contoso.example", (string?)manifest["composeExtensions"]![0]!["messageHandlers"]![0]!["value"]!["domains"]![0]);
        Assert.Equal(ManifestSamples.AppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal("https://crm.contoso.example/privacy", (string?)manifest["developer"]!["privacyUrl"]);
    }

    [Fact]
    public void Build_SeparateBotId_IsUsedForTheBotAndTheMessageExtension()
    {
        var botId = Guid.NewGuid().ToString();

        var manifest = ManifestSamples.Json(ManifestSamples.BuildTeams(ManifestSamples.Teams with { BotId = botId }).Manifest);

        Assert.Equal(ManifestSamples.AppId, (string?)manifest["id"]);
        Assert.Equal(botId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(botId, (string?)manifest["composeExtensions"]![0]!["botId"]);
    }

    [Fact]
    public void Build_SearchCommand_MatchesWhatTheMessageExtensionHandles()
    {
        // MessageExtensionInvoke reads the typed text from the parameter that is not "initialRun", and answers an
        // initial run with a tip; customer links are unfurled for Privacy:PublicBaseUrl's host.
        var command = ManifestSamples.Json(ManifestSamples.BuildTeams().Manifest)["composeExtensions"]![0]!["commands"]![0]!;

        Assert.Equal("searchCustomers", (string?)command["id"]);
        Assert.Equal("query", (string?)command["type"]);
        var parameter = Assert.Single(command["parameters"]!.AsArray());
        Assert.NotEqual("initialRun", (string?)parameter!["name"]);
        Assert.Equal("customers", MessageExtensionInvoke.CustomerLinkSegment);
    }

    [Theory]
    [InlineData("not-a-guid", ManifestSamples.BaseUrl, "--app-id")]
    [InlineData(null, ManifestSamples.BaseUrl, "--app-id")]
    [InlineData(ManifestSamples.AppId, "http://crm.contoso.example", "--base-url")]
    [InlineData(ManifestSamples.AppId, "crm.contoso.example", "--base-url")]
    [InlineData(ManifestSamples.AppId, "https://crm.contoso.example/?x=1", "--base-url")]
    [InlineData(ManifestSamples.AppId, null, "--base-url")]
    public void Build_BadOption_IsRefusedNamingTheOption(string? appId, string? baseUrl, string field)
    {
        var build = new TeamsPackageBuilder().Build(new TeamsPackageOptions { AppId = appId, BaseUrl = baseUrl });

        Assert.False(build.IsValid);
        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == field);
    }

    [Fact]
    public void Build_BadVersion_IsRefused()
    {
        var build = new TeamsPackageBuilder().Build(ManifestSamples.Teams with { Version = "1.0" });

        Assert.Contains(build.Problems, p => p.Path == "--version");
    }

    [Fact]
    public void Build_ShortNameTooLong_IsRefusedByTheOfficialSchemaAtItsPath()
    {
        var build = new TeamsPackageBuilder().Build(ManifestSamples.Teams with { ShortName = new string('C', 31) });

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == "manifest.json $.name.short");
    }

    [Fact]
    public void Build_TemplateEditedToBreakTheSchema_IsRefusedNamingTheField()
    {
        var template = TeamsAppTemplate.Embedded();
        var broken = ManifestSamples.Json(template.Manifest);
        broken["accentColor"] = "blue";
        broken["unexpected"] = true;

        var build = new TeamsPackageBuilder(template with { Manifest = broken.ToJsonString() }).Build(ManifestSamples.Teams);

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == "manifest.json $.accentColor");
        Assert.Contains(build.Problems, p => p.Message.Contains("'unexpected'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ThirteenCommandsInAList_IsRefused()
    {
        var template = TeamsAppTemplate.Embedded();
        var manifest = ManifestSamples.Json(template.Manifest);
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Add(new JsonObject { ["title"] = "cancel", ["description"] = "Stop" });

        var build = new TeamsPackageBuilder(template with { Manifest = manifest.ToJsonString() }).Build(ManifestSamples.Teams);

        Assert.Contains(build.Problems, p => p.Path == "$.bots[0].commandLists[0].commands" && p.Message.Contains("12", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UnknownPlaceholder_IsRefusedAtItsPath()
    {
        var template = TeamsAppTemplate.Embedded();
        var manifest = ManifestSamples.Json(template.Manifest);
        manifest["developer"]!["mpnId"] = "{{PartnerId}}";

        var build = new TeamsPackageBuilder(template with { Manifest = manifest.ToJsonString() }).Build(ManifestSamples.Teams);

        Assert.Contains(build.Problems, p => p.Path == "manifest.json $.developer.mpnId" && p.Message.Contains("{{PartnerId}}", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ColourIconInPlaceOfTheOutline_IsRefusedForSizeAndTransparency()
    {
        var template = TeamsAppTemplate.Embedded();

        var build = new TeamsPackageBuilder(template with { OutlineIcon = template.ColorIcon }).Build(ManifestSamples.Teams);

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path.StartsWith("$.icons.outline", StringComparison.Ordinal) && p.Message.Contains("32×32", StringComparison.Ordinal));
        Assert.Contains(build.Problems, p => p.Path.StartsWith("$.icons.outline", StringComparison.Ordinal) && p.Message.Contains("alpha", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameOptionsTwice_GivesTheSameBytes()
    {
        Assert.Equal(ManifestSamples.BuildTeams().Zip, ManifestSamples.BuildTeams().Zip);
    }
}
