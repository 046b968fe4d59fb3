using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Architecture;

/// <summary>Small cohesive files: no source file outside the migrations grows past 250 lines, and the conversation core stays small.</summary>
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

    /// <summary>The conversation core stays the turn's lifecycle: short, and naming no feature (features register their commands).</summary>
    [Fact]
    public void ConversationEngine_IsAtMost120LinesAndNamesNoFeature()
    {
        var engine = Path.Combine(RepositoryRoot.Path, "src", "Bot", "Conversations", "ConversationEngine.cs");
        var lines = File.ReadAllLines(engine);
        var features = Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src", "Bot", "Features")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(features);

        Assert.True(lines.Length <= 120, $"ConversationEngine.cs has {lines.Length} lines; at most 120.");
        var named = features.Where(f => lines.Any(l => l.Contains($"Features.{f}", StringComparison.Ordinal))).ToList();
        Assert.True(named.Count == 0, $"ConversationEngine.cs names the features {string.Join(", ", named)}.");
    }

    private static bool IsGenerated(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Contains("Migrations") || parts.Contains("obj") || parts.Contains("bin");
    }
}
