using System.IO.Compression;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Tests.Manifests;

/// <summary>Valid options and a built package to take apart.</summary>
internal static class ManifestSamples
{
    public const string AppId = "4c1f9a55-2f4e-4d0b-9a57-0d2b8f4a9e21";
    public const string BaseUrl = "https://crm.contoso.example";

    public static TeamsPackageOptions Teams => new() { AppId = AppId, BaseUrl = BaseUrl };

    public static TeamsPackage BuildTeams(TeamsPackageOptions? options = null)
    {
        var build = new TeamsPackageBuilder().Build(options ?? Teams);
        Assert.True(build.IsValid, string.Join("\n", build.Problems));
        return build.Artefact!;
    }

    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static JsonObject Json(byte[] bytes) => JsonNode.Parse(bytes)!.AsObject();

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
