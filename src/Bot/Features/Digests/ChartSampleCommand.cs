using System.CommandLine;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Charts;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// <c>chart-sample --out docs/images [--language en|es]</c>: draws the three digest charts from a fixed sample team
/// (no database, no configuration) into <c>sample-digest-chart.png</c> (the weekly trend),
/// <c>sample-digest-chart-by-rep.png</c> and <c>sample-digest-chart-by-channel.png</c>, and prints each alt text:
/// the pictures in the docs, and a quick look at how charts draw on this machine's fonts.
/// </summary>
public static class ChartSampleCommand
{
    public static readonly IReadOnlyDictionary<ChartKind, string> FileNames = new Dictionary<ChartKind, string>
    {
        [ChartKind.Trend] = "sample-digest-chart.png",
        [ChartKind.ByRep] = "sample-digest-chart-by-rep.png",
        [ChartKind.ByChannel] = "sample-digest-chart-by-channel.png",
    };

    /// <summary>A team of four over eight weeks ending on Monday 30 November 2026: made-up figures, no real person.</summary>
    public static TeamChartData SampleTeam { get; } = new(
        [.. new[] { 31, 28, 35, 40, 33, 45, 42, 51 }.Select((count, i) => new WeekCount(new DateTimeOffset(2026, 10, 12, 0, 0, 0, TimeSpan.Zero).AddDays(7 * i), count))],
        [new("Ana García", 19), new("Bruno Díaz", 14), new("Carla Vidal", 11), new("David Soler", 7)],
        [new(InteractionChannel.Phone, 18), new(InteractionChannel.Email, 13), new(InteractionChannel.Visit, 9), new(InteractionChannel.Teams, 7), new(InteractionChannel.Meeting, 4)]);

    public static Command Create(TextWriter? output = null)
    {
        var folder = new Option<DirectoryInfo>("--out") { Description = "The folder the PNG files are written to.", Required = true };
        var language = new Option<string>("--language") { Description = "en or es.", DefaultValueFactory = _ => "en" };
        var command = new Command("chart-sample", "Draw the digest charts of a sample team as PNG files (for the docs).") { folder, language };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(language), output ?? Console.Out));
        return command;
    }

    private static int Run(DirectoryInfo folder, string? languageCode, TextWriter output)
    {
        if (languageCode is not ("en" or "es"))
        {
            Console.Error.WriteLine("--language must be en or es.");
            return 2;
        }
        var language = languageCode == "es" ? LanguageCode.Spanish : LanguageCode.English;
        folder.Create();
        foreach (var (kind, name) in FileNames)
        {
            var png = ChartPainter.Png(TeamChartPictures.Picture(kind, SampleTeam, language, TimeZoneInfo.Utc));
            File.WriteAllBytes(Path.Combine(folder.FullName, name), png);
            output.WriteLine($"{name}: {TeamChartPictures.AltText(kind, SampleTeam, language, TimeZoneInfo.Utc)}");
        }
        return 0;
    }
}
