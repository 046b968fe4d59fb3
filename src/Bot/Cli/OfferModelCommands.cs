using System.CommandLine;
using System.Globalization;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// <c>train</c> fits the offer propensity model on every answered offer and stores it as a new version (every instance
/// then ranks with it); <c>evaluate</c> fits on the older 80% of the history and prints AUC and precision@3 on the newer
/// 20% for the model and for the rules-only ranking. Both show a progress bar while reading the history.
/// </summary>
internal static class OfferModelCommands
{
    /// <summary>Exit code when there is too little answered history to learn from.</summary>
    public const int NotEnoughHistory = 4;

    public static Command Train(Func<IHost> buildHost)
    {
        var command = new Command("train", "Train the offer propensity model on every answered offer and store it as the new version.");
        command.SetAction((_, ct) => RunAsync(buildHost, async training =>
        {
            using var bar = new ConsoleProgressBar(Console.Error, "answered offers");
            var version = await training.TrainAsync(bar, ct);
            bar.Complete();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained offer model {version.Id} on {version.TrainingRows:N0} answered offers ({version.AcceptedRows:N0} accepted); held-out AUC {version.HeldOutAuc:F3}, precision@3 {version.HeldOutPrecisionAt3:F3}."));
        }, ct));
        return command;
    }

    public static Command Evaluate(Func<IHost> buildHost)
    {
        var command = new Command("evaluate", "Fit the offer model on the older 80% of the answered offers and compare it with the rules on the newer 20% (AUC, precision@3).");
        command.SetAction((_, ct) => RunAsync(buildHost, async training =>
        {
            using var bar = new ConsoleProgressBar(Console.Error, "answered offers");
            var result = await training.EvaluateAsync(bar, ct);
            bar.Complete();
            Console.WriteLine(Summary(result));
        }, ct));
        return command;
    }

    public static string Summary(OfferEvaluation result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        return string.Join(Environment.NewLine,
            string.Create(c, $"Time split at {result.SplitAt:yyyy-MM-dd HH:mm}: trained on {result.TrainRows:N0} answered offers, tested on {result.TestRows:N0} ({result.TestCards:N0} cards), {result.Elapsed.TotalSeconds:F1} s."),
            string.Create(c, $"            AUC    precision@3"),
            string.Create(c, $"  model   {result.ModelAuc,6:F3}  {result.ModelPrecisionAt3,9:F3}"),
            string.Create(c, $"  rules   {result.RulesAuc,6:F3}  {result.RulesPrecisionAt3,9:F3}"));
    }

    private static async Task<int> RunAsync(Func<IHost> buildHost, Func<OfferModelTraining, Task> work, CancellationToken ct)
    {
        using var host = buildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        try
        {
            await work(scope.ServiceProvider.GetRequiredService<OfferModelTraining>());
            return 0;
        }
        catch (NotEnoughOfferHistoryException problem)
        {
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync(problem.Message + " Seed demo data or collect more answers first.");
            return NotEnoughHistory;
        }
    }
}
