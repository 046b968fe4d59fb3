using ChatCrm.Bot.Cli;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Seeding;

namespace ChatCrm.Bot.Features.Import;

/// <summary>Shows an import's progress on the console's progress bar (rows, rows/s, time left).</summary>
internal sealed class ImportProgressBar(ConsoleProgressBar bar) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bar.Report(new SeedProgress(value.Stage, value.Done, value.Total));
    }
}
