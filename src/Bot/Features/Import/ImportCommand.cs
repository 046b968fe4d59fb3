using System.CommandLine;
using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Hosting;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// <c>import &lt;users|customers|orders|consents|offers&gt; &lt;file&gt; [--dry-run] [--skip-invalid] [--rejects &lt;file&gt;]
/// [--encoding utf-8|windows-1252] [--historical] [--format csv|jsonl]</c>: loads a company's data from its exports into the
/// configured database (migrated first) through the same write services as the REST API, with a progress bar, and
/// prints what it found and did. Exit codes: 0 done (bad rows skipped with --skip-invalid count as done), 1 bad rows so
/// nothing was written (or a dry run found some), 2 the file could not be read or the options are wrong.
/// </summary>
public static class ImportCommand
{
    public const int BadRows = 1;
    public const int FileProblem = 2;

    /// <param name="buildHost">The host to run in; by default the bot's configuration and services without the web server.</param>
    public static Command Create(Func<IHost>? buildHost = null, TextWriter? output = null, TextWriter? errors = null)
    {
        var kind = new Argument<string>("kind") { Description = "What the file holds: users, customers, orders, consents or offers." };
        kind.AcceptOnlyFromAmong("users", "customers", "orders", "consents", "offers");
        var file = new Argument<string>("file") { Description = "The CSV (comma or semicolon) or JSON Lines file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and count (to create, update, unchanged, bad rows); write nothing." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Write the good rows even when some are bad (without it, one bad row means nothing is written)." };
        var rejects = new Option<string?>("--rejects") { Description = "Write every bad row, as it was, with its reason to this file." };
        var encoding = new Option<string?>("--encoding") { Description = "The file's text encoding (detected when not given: UTF-8, else Windows-1252)." };
        encoding.AcceptOnlyFromAmong("utf-8", "windows-1252");
        var historical = new Option<bool>("--historical") { Description = "Orders are back-filled history: stored and counted, but they queue no offer suggestion." };
        var format = new Option<string?>("--format") { Description = "csv or jsonl (by default from the file's extension: .jsonl and .ndjson are JSON Lines)." };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var command = new Command("import", "Import users, customers, orders, consents or offers from a CSV or JSON Lines file (idempotent: upserts by external id).")
        {
            kind,
            file,
            dryRun,
            skipInvalid,
            rejects,
            encoding,
            historical,
            format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new ImportRequest(
                Enum.Parse<ImportKind>(parse.GetValue(kind)!, ignoreCase: true),
                parse.GetValue(file)!,
                parse.GetValue(format) switch { "jsonl" => ImportFormat.JsonLines, "csv" => ImportFormat.Csv, _ => null },
                parse.GetValue(encoding) switch { "utf-8" => ImportEncoding.Utf8, "windows-1252" => ImportEncoding.Windows1252, _ => ImportEncoding.Detect },
                parse.GetValue(dryRun),
                parse.GetValue(skipInvalid),
                parse.GetValue(rejects),
                parse.GetValue(historical));
            return RunAsync(buildHost ?? BuildHost, request, output ?? Console.Out, errors ?? Console.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(Func<IHost> buildHost, ImportRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!File.Exists(request.FilePath))
        {
            await errors.WriteLineAsync($"There is no file {request.FilePath}.");
            return FileProblem;
        }
        try
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            ImportReport report;
            using (var bar = new ConsoleProgressBar(errors, "rows"))
            {
                report = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(request, new ImportProgressBar(bar), cancellationToken);
                if (report.FileProblem is null)
                    bar.Complete();
            }
            await ImportReportText.WriteAsync(report, request, output);
            if (report.FileProblem is not null)
                return FileProblem;
            return report.Rejected > 0 && !request.SkipInvalid ? BadRows : 0;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The data's faults are reported row by row above; this is the database or the disk failing. One clear line, no stack trace.
            await errors.WriteLineAsync($"The import stopped and nothing was written: {ImportFailure.Describe(failure)}");
            return FileProblem;
        }
    }

    /// <summary>The bot's configuration and services without the web server, plus the intake services.</summary>
    private static IHost BuildHost()
    {
        var builder = CommandLineHost.CreateBuilder();
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        builder.Services.AddChatCrm(builder.Configuration);
        builder.Services.AddIntake();
        return builder.Build();
    }
}
