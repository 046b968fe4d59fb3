using System.Diagnostics;
using System.Reflection;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>
/// The README's <c>manifest teams</c> line, run as a process exactly as written — <c>dotnet run --project src/Bot -- …</c>
/// from the clone's top folder, so the launch profile (Development, whose <c>Privacy:PublicBaseUrl</c> is plain http)
/// applies — with the placeholders filled in. Only <c>--no-build -c &lt;the configuration the tests were built in&gt;</c> is
/// added (the test run has built the app, in Release under test.sh) and the zip goes to a folder of the test's own.
/// </summary>
public sealed class ManifestReadmeCommandTests : IDisposable
{
    private const string AppId = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatcrm-manifest-readme-");

    /// <summary>The configuration the bot under test was built in, so that <c>--no-build</c> finds it.</summary>
    private static readonly string BuiltConfiguration =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task ReadmeManifestTeamsCommand_RunThroughDotnetRun_WritesAValidZipForTheGivenBaseUrl()
    {
        var line = File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md"))
            .Single(l => l.StartsWith("dotnet run --project src/Bot -- manifest teams ", StringComparison.Ordinal));
        var zip = Path.Combine(_folder.FullName, "chatcrm-teams.zip");
        var args = line.Replace("<MicrosoftAppId>", AppId, StringComparison.Ordinal)
            .Replace("https://<public-host>", "https://crm.contoso.example", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == "chatcrm-teams.zip" ? zip : a)
            .ToList();
        Assert.Equal(["dotnet", "run", "--project", "src/Bot", "--", "manifest", "teams"], args.Take(7));
        args.InsertRange(2, ["--no-build", "-c", BuiltConfiguration]);

        var (exitCode, output) = await RunAsync(args);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Using launch settings from", output, StringComparison.Ordinal);
        var entries = ManifestSamples.Entries(await File.ReadAllBytesAsync(zip));
        Assert.Equal(["color.png", "es.json", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
        var manifest = ManifestSamples.Json(entries["manifest.json"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        var text = manifest.ToJsonString();
        Assert.Contains("crm.contoso.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(List<string> commandLine)
    {
        var start = new ProcessStartInfo(commandLine[0])
        {
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in commandLine.Skip(1))
            start.ArgumentList.Add(argument);
        // As in a fresh shell: the launch profile, not the test runner, decides the environment and settings.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Privacy__PublicBaseUrl", "MicrosoftAppId" })
            start.Environment.Remove(name);
        return await ChildProcess.RunAsync(start);
    }
}
