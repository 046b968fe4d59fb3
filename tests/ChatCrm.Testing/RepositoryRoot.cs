namespace ChatCrm.Testing;

/// <summary>The clone's top folder (the one holding ChatCrm.sln), found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Path => Folder.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ChatCrm.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"The repository root (ChatCrm.sln) was not found above {AppContext.BaseDirectory}.");
    }
}
