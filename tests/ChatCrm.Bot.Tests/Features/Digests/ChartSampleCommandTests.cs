using System.CommandLine;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// <c>chart-sample</c> draws the docs' sample pictures: three 600 × 300 PNGs and their alt texts; the committed sample
/// under docs/images is such a picture.
/// </summary>
public sealed class ChartSampleCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chart-sample-{Guid.NewGuid():N}");

    [Fact]
    public async Task ChartSample_Spanish_WritesThreePngsAndSaysTheirAltTexts()
    {
        using var output = new StringWriter();
        var root = new RootCommand { ChartSampleCommand.Create(output) };

        var exit = await root.Parse(["chart-sample", "--out", _folder, "--language", "es"]).InvokeAsync();

        Assert.Equal(0, exit);
        foreach (var name in ChartSampleCommand.FileNames.Values)
            Assert.Equal<(int, int)?>((600, 300), PngHeader.Read(await File.ReadAllBytesAsync(Path.Combine(_folder, name))));
        Assert.Contains("sample-digest-chart-by-rep.png: Gráfico: Interacciones por comercial. Ana García 19, Bruno Díaz 14, Carla Vidal 11, David Soler 7.",
            output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartSample_UnknownLanguage_IsRefusedAndWritesNothing()
    {
        var root = new RootCommand { ChartSampleCommand.Create(TextWriter.Null) };

        var exit = await root.Parse(["chart-sample", "--out", _folder, "--language", "fr"]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.False(System.IO.Directory.Exists(_folder));
    }

    [Fact]
    public void CommittedSample_IsA600By300Png()
    {
        var sample = Path.Combine(RepositoryRoot.Path, "docs", "images", ChartSampleCommand.FileNames[ChartKind.Trend]);

        Assert.Equal<(int, int)?>((600, 300), PngHeader.Read(File.ReadAllBytes(sample)));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
            System.IO.Directory.Delete(_folder, recursive: true);
    }
}
