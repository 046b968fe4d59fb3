using System.Globalization;
using System.Text;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// <c>tiers</c>: recalculates every customer's value tier with a progress bar and prints what came out (customers
/// and share of value per tier, changes recorded, orders left out for want of a rate, time taken).
/// </summary>
internal static class TierCommand
{
    /// <summary>Exit code when another recalculation holds the database: nothing changed, try again later.</summary>
    public const int Busy = 3;

    public static async Task<int> RunAsync(Func<IHost> buildHost, CancellationToken cancellationToken)
    {
        using var host = buildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return await RecalculateAsync(scope.ServiceProvider, cancellationToken);
    }

    public static async Task<int> RecalculateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        TierRecalculationReport report;
        using (var bar = new ConsoleProgressBar(Console.Error, "customers"))
        {
            try
            {
                report = await services.GetRequiredService<TierRecalculation>().RecalculateAsync(bar, cancellationToken);
            }
            catch (TierRecalculationBusyException busy)
            {
                await Console.Error.WriteLineAsync();
                await Console.Error.WriteLineAsync(busy.Message);
                return Busy;
            }
            bar.Complete();
        }
        Console.WriteLine(Summary(report));
        return 0;
    }

    /// <summary>The table printed after a run; invariant culture so logs read the same everywhere.</summary>
    public static string Summary(TierRecalculationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"Recalculated the value tiers of {report.Customers:N0} customers in {report.Elapsed:hh\\:mm\\:ss\\.f} (values in {report.ReportingCurrency}, trailing 12 months).");
        foreach (var tier in report.Tiers)
        {
            text.AppendLine(culture,
                $"  {tier.Tier,-9} {tier.Customers,12:N0} customers {Share(tier.Customers, report.Customers),7:P1} · {tier.ShareOf(report.TotalValue),7:P1} of value · {tier.Value,18:N2} {report.ReportingCurrency}");
        }
        text.AppendLine(culture, $"Total value {report.TotalValue:N2} {report.ReportingCurrency}; {report.Changes:N0} tier changes recorded.");
        if (report.UnconvertedOrders > 0)
            text.AppendLine(culture, $"{report.UnconvertedOrders:N0} orders were left out: their currency has no rate in Tiers:ExchangeRates.");
        return text.ToString().TrimEnd();
    }

    private static decimal Share(long part, long whole) => whole == 0 ? 0m : (decimal)part / whole;
}
