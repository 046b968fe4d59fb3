using System.CommandLine;
using ChatCrm.Bot.Cli;
using Microsoft.Extensions.Configuration;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>The <c>manifest</c> command: writes a valid artefact, or writes nothing and exits non-zero naming the field.</summary>
public sealed class ManifestCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatcrm-manifest-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_ManifestTeams_WritesTheZip()
    {
        var zip = Path.Combine(_folder.FullName, "chatcrm-teams.zip");

        var exitCode = await CliCommands.RunAsync(["manifest", "teams", "--app-id", ManifestSamples.AppId, "--base-url", ManifestSamples.BaseUrl, "--out", zip]);

        Assert.Equal(0, exitCode);
        Assert.Contains("manifest.json", ManifestSamples.Entries(await File.ReadAllBytesAsync(zip)).Keys);
    }

    [Fact]
    public async Task Teams_InvalidInput_WritesNothingAndNamesTheFields()
    {
        var zip = Path.Combine(_folder.FullName, "chatcrm-teams.zip");
        var (exitCode, output, error) = await RunAsync("manifest", "teams", "--app-id", "12345", "--base-url", "http://crm.contoso.example", "--out", zip);

        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(zip));
        Assert.Empty(_folder.GetFiles());
        Assert.Empty(output);
        Assert.Contains("--app-id: '12345' is not a GUID", error, StringComparison.Ordinal);
        Assert.Contains("--base-url: 'http://crm.contoso.example' must use https", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_NoAppIdAnywhere_IsRefused()
    {
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string?>(), "manifest", "teams", "--base-url", ManifestSamples.BaseUrl,
            "--out", Path.Combine(_folder.FullName, "x.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--app-id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_OptionsFromConfiguration_AreTheDefaults()
    {
        var zip = Path.Combine(_folder.FullName, "configured.zip");
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = ManifestSamples.AppId, ["Privacy:PublicBaseUrl"] = ManifestSamples.BaseUrl };

        var (exitCode, _, error) = await RunAsync(settings, "manifest", "teams", "--out", zip);

        Assert.True(exitCode == 0, error);
        var manifest = ManifestSamples.Json(ManifestSamples.Entries(await File.ReadAllBytesAsync(zip))["manifest.json"]);
        Assert.Equal(ManifestSamples.AppId, (string?)manifest["id"]);
    }

    [Fact]
    public async Task Teams_ExplicitBaseUrlOverAConfiguredHttpOne_Wins()
    {
        var zip = Path.Combine(_folder.FullName, "explicit.zip");
        var settings = new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = "http://127.0.0.1:3978" };

        var (exitCode, _, error) = await RunAsync(settings, "manifest", "teams", "--app-id", ManifestSamples.AppId, "--base-url", ManifestSamples.BaseUrl,
            "--out", zip);

        Assert.True(exitCode == 0, error);
        var manifest = ManifestSamples.Entries(await File.ReadAllBytesAsync(zip))["manifest.json"];
        Assert.DoesNotContain("127.0.0.1", ManifestSamples.Json(manifest).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_ConfiguredHttpBaseUrl_NamesTheSettingItCameFrom()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = ManifestSamples.AppId, ["Privacy:PublicBaseUrl"] = "http://127.0.0.1:3978" };

        var (exitCode, _, error) = await RunAsync(settings, "manifest", "teams", "--out", Path.Combine(_folder.FullName, "x.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Privacy:PublicBaseUrl: 'http://127.0.0.1:3978' must use https", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--link-base-url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_HttpLinkBaseUrlOption_NamesThatOption()
    {
        var (exitCode, _, error) = await RunAsync("manifest", "teams", "--app-id", ManifestSamples.AppId, "--base-url", ManifestSamples.BaseUrl,
            "--link-base-url", "http://links.contoso.example", "--out", Path.Combine(_folder.FullName, "x.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--link-base-url: 'http://links.contoso.example' must use https", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_WithoutOut_PrintsTheYaml()
    {
        var (exitCode, output, _) = await RunAsync("manifest", "slack", "--base-url", ManifestSamples.BaseUrl);

        Assert.Equal(0, exitCode);
        Assert.Contains("url: \"https://crm.contoso.example/slack/commands\"", output, StringComparison.Ordinal);
        Assert.Empty(_folder.GetFiles());
    }

    [Fact]
    public async Task Slack_HttpBaseUrl_IsRefusedWithoutOutput()
    {
        var file = Path.Combine(_folder.FullName, "slack.yaml");
        var (exitCode, output, error) = await RunAsync("manifest", "slack", "--base-url", "http://crm.contoso.example", "--out", file);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.False(File.Exists(file));
        Assert.Contains("--base-url", error, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string?>(), args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var root = new RootCommand { ManifestCommand.Create(() => configuration, output, error) };
        var exitCode = await root.Parse(args).InvokeAsync();
        return (exitCode, output.ToString(), error.ToString());
    }
}
