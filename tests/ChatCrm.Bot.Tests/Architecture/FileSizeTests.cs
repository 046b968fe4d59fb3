using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Architecture;

/// <summary>Small cohesive files: no source file outside the migrations grows past 250 lines.</summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 250;

    [Fact]
    public void SourceFiles_OutsideMigrations_HaveAtMost250Lines()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsGenerated(Path.GetRelativePath(source, f)))
            .ToList();
        Assert.NotEmpty(files);

        var large = files.Select(f => (File: Path.GetRelativePath(source, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File} ({f.Lines})")
            .ToList();

        Assert.True(large.Count == 0, $"Files over {MaxLines} lines: {string.Join(", ", large)}");
    }

    private static bool IsGenerated(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Contains("Migrations") || parts.Contains("obj") || parts.Contains("bin");
    }
}
