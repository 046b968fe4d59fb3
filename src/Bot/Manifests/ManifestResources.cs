using System.Reflection;

namespace ChatCrm.Bot.Manifests;

/// <summary>
/// The templates, icons and official schemas compiled into the bot (from <c>manifests/</c> and
/// <c>Manifests/Schemas/</c>), so the manifest command works from an installed bot without the repository and
/// never fetches a schema over the network.
/// </summary>
internal static class ManifestResources
{
    public static byte[] Bytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ChatCrm.Manifests." + name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text(string name) => System.Text.Encoding.UTF8.GetString(Bytes(name));
}
