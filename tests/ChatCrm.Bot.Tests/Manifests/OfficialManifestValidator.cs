using ChatCrm.Testing;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>
/// The official Teams manifest validator (npm <c>@microsoft/app-manifest</c> 1.1.2, pinned in
/// <c>tests/manifest-validator</c>) run under Node.js over manifest files. When it is not installed this fails
/// loudly with how to install it, so the check can never pass by not running.
/// </summary>
public static class OfficialManifestValidator
{
    public const string InstallHint = "Run ./test.sh (it installs Node.js and the validator), or: cd tests/manifest-validator && npm ci";

    /// <summary>The schema errors the package reports for one manifest file; empty means valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestPath)
    {
        var folder = ValidatorFolder();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, "validate.js"));
        start.ArgumentList.Add(manifestPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The manifest validator failed ({process.ExitCode}): {await errors}");
        var result = JsonNode.Parse(await output)!;
        if (result["failure"] is { } failure)
            throw new InvalidOperationException($"The manifest validator could not judge {manifestPath}: {failure}");
        return result["errors"]!.AsArray().Select(e => (string)e!).ToList();
    }

    private static string ValidatorFolder()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "manifest-validator");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "app-manifest")))
            throw new InvalidOperationException($"The official manifest validator is not installed in {folder}. {InstallHint}");
        return folder;
    }
}
