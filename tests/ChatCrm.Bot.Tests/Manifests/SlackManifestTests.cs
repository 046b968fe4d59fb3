using ChatCrm.Testing;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>The Slack app manifest: valid against Slack's schema, pointing at the bot, asking only for the scopes used.</summary>
public sealed class SlackManifestTests
{
    private static JsonObject Build(SlackManifestOptions? options = null)
    {
        var build = new SlackManifestBuilder().Build(options ?? new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl });
        Assert.True(build.IsValid, string.Join("\n", build.Problems));
        Assert.Empty(OfficialSchemas.ValidateSlack(YamlToJson.Convert(build.Artefact!, out _)!.ToJsonString()));
        return YamlToJson.Convert(build.Artefact!, out _)!.AsObject();
    }

    [Fact]
    public void Build_BaseUrl_PointsEveryRequestUrlAtTheBotsSlackEndpoints()
    {
        var manifest = Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl + "/" });

        Assert.Equal("https://crm.contoso.example/slack/commands", (string?)manifest["features"]!["slash_commands"]![0]!["url"]);
        Assert.Equal("https://crm.contoso.example/slack/events", (string?)manifest["settings"]!["event_subscriptions"]!["request_url"]);
        Assert.Equal("https://crm.contoso.example/slack/interactions", (string?)manifest["settings"]!["interactivity"]!["request_url"]);
        Assert.Equal("https://crm.contoso.example/slack/oauth/callback", (string?)manifest["oauth_config"]!["redirect_urls"]![0]);
    }

    [Fact]
    public void Build_Scopes_AreExactlyTheOnesTheInstallAsksFor()
    {
        var scopes = Build()["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => (string?)s!);

        Assert.Equal(new SlackOptions().BotScopes.Order(StringComparer.Ordinal), scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_Features_HaveAppHomeTabsBotUserCrmCommandAndLogShortcuts()
    {
        var manifest = Build();

        Assert.True((bool)manifest["features"]!["app_home"]!["home_tab_enabled"]!);
        Assert.True((bool)manifest["features"]!["app_home"]!["messages_tab_enabled"]!);
        Assert.Equal("ChatCrm", (string?)manifest["features"]!["bot_user"]!["display_name"]);
        Assert.Equal("/crm", (string?)manifest["features"]!["slash_commands"]![0]!["command"]);
        Assert.Equal(["Log an interaction", "Log this message"], manifest["features"]!["shortcuts"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal(["app_mention", "message.im", "app_home_opened", "app_uninstalled", "tokens_revoked"],
            manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => (string?)e));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Build_TokenRotationAndOrgDeploy_FollowTheOptions(bool rotation, bool orgDeploy)
    {
        var manifest = Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl, TokenRotation = rotation, OrgDeploy = orgDeploy });

        Assert.Equal(rotation, (bool)manifest["settings"]!["token_rotation_enabled"]!);
        Assert.Equal(orgDeploy, (bool)manifest["settings"]!["org_deploy_enabled"]!);
    }

    [Fact]
    public void Build_Defaults_LeaveTheIrreversibleSettingsOff()
    {
        var settings = Build()["settings"]!;

        Assert.False((bool)settings["token_rotation_enabled"]!);
        Assert.False((bool)settings["org_deploy_enabled"]!);
    }

    [Theory]
    [InlineData("http://crm.contoso.example")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Build_BadBaseUrl_IsRefusedNamingTheOption(string? baseUrl)
    {
        var build = new SlackManifestBuilder().Build(new SlackManifestOptions { BaseUrl = baseUrl });

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == "--base-url");
    }

    [Fact]
    public void Build_NameLongerThanSlackAllows_IsRefusedByTheSchemaAtItsPath()
    {
        var build = new SlackManifestBuilder().Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl, Name = new string('C', 36) });

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == "$.display_information.name");
    }

    [Fact]
    public void Build_TemplateEditedToBreakTheSchema_IsRefusedNamingTheField()
    {
        var template = new SlackManifestBuilderTemplate().Text.Replace("    messages_tab_enabled: true", "    messages_tab_enabled: true\n    tabs_galore: 3", StringComparison.Ordinal)
            .Replace("  - command: /crm", "  - command: crm", StringComparison.Ordinal);

        var build = new SlackManifestBuilder(template).Build(new SlackManifestOptions { BaseUrl = ManifestSamples.BaseUrl });

        Assert.Null(build.Artefact);
        Assert.Contains(build.Problems, p => p.Path == "$.features.app_home.tabs_galore" && p.Message.Contains("not a property", StringComparison.Ordinal));
        Assert.Contains(build.Problems, p => p.Path == "$.features.slash_commands[0].command");
    }

    [Fact]
    public void Check_RequestUrlElsewhere_IsRefused()
    {
        var yaml = new SlackManifestBuilderTemplate().Text.Replace("{{BaseUrl}}/slack/events", "https://elsewhere.example/slack/events", StringComparison.Ordinal)
            .Replace("{{BaseUrl}}", ManifestSamples.BaseUrl, StringComparison.Ordinal).Replace("{{Name}}", "ChatCrm", StringComparison.Ordinal)
            .Replace("{{TokenRotation}}", "true", StringComparison.Ordinal).Replace("{{OrgDeploy}}", "false", StringComparison.Ordinal);

        var problems = SlackManifestBuilder.Check(yaml, new Uri(ManifestSamples.BaseUrl));

        var problem = Assert.Single(problems);
        Assert.Equal("$.settings.event_subscriptions.request_url", problem.Path);
    }

    /// <summary>The repository's template, read from the file the bot embeds.</summary>
    private sealed class SlackManifestBuilderTemplate
    {
        public string Text { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "manifests", "slack", "manifest.yaml"));
    }
}
