using System.Diagnostics;
using System.Reflection;
using System.Text;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.Data.Sqlite;

namespace ChatCrm.Bot.Tests.Features.Import;

/// <summary>
/// The README's six <c>import</c> lines, run in order as processes as written, against a database of the test's own:
/// the first exactly (<c>dotnet run --project src/Bot -- import …</c> from the clone's top folder, so the Development
/// launch profile applies, with only <c>--no-build -c &lt;the configuration the tests were built in&gt;</c> added), the
/// others with the same arguments given to the built bot in that profile's environment. Each file name
/// points at a copy of a committed fixture: the customers carry one bad row (so the dry run and the skip-invalid run
/// answer as documented), and the consents are re-encoded as Windows-1252.
/// </summary>
public sealed class ImportReadmeCommandTests : IDisposable
{
    private static readonly string BuiltConfiguration =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("chatcrm-import-readme-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ReadmeImportLines_RunInOrder_ExitAndWriteAsDocumented()
    {
        PrepareFiles();
        var lines = File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md"))
            .Where(l => l.StartsWith("dotnet run --project src/Bot -- import ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(6, lines.Count);

        var results = new List<(int ExitCode, string Output)>();
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
            results.Add(await RunAsync(line, throughDotnetRun: index == 0));

        Assert.Equal([0, 1, 0, 0, 0, 0], results.Select(r => r.ExitCode));
        Assert.Contains("Dry run: nothing was written.", results[1].Output, StringComparison.Ordinal);
        Assert.Contains("'XX' is not an ISO 3166 two-letter country code", results[1].Output, StringComparison.Ordinal);
        Assert.Contains("Created: 1,000", results[2].Output, StringComparison.Ordinal);
        Assert.Contains("rejectReason", await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "rejects.csv")), StringComparison.Ordinal);
        Assert.Contains("(windows-1252)", results[4].Output, StringComparison.Ordinal);
        Assert.Equal(
            (9L, 1000L, 201L, 100L, 2L, "formulario de suscripción"),
            (Count("Users"), Count("Customers"), Count("Orders"), Count("ConsentRecords"), Count("Offers"), SourceOf("CON-0001")));
    }

    private void PrepareFiles()
    {
        string Fixture(string name) => Path.Combine(RepositoryRoot.Path, "tests", "ChatCrm.Infrastructure.Tests", "Import", "Fixtures", name);
        string Here(string name) => Path.Combine(_folder.FullName, name);
        File.Copy(Fixture("users.csv"), Here("users.csv"));
        File.WriteAllText(Here("customers.csv"),
            File.ReadAllText(Fixture("customers-1000.csv")).TrimEnd() + "\nCRM-09999;Nadie Válido;;XX;es;;nadie@example.es;;\n", new UTF8Encoding(false));
        File.Copy(Fixture("orders.csv"), Here("orders.csv"));
        File.Copy(Fixture("offers.jsonl"), Here("offers.jsonl"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllText(Here("consents.csv"), File.ReadAllText(Fixture("consents.csv")).Replace("web form", "formulario de suscripción", StringComparison.Ordinal),
            Encoding.GetEncoding(1252));
    }

    /// <param name="throughDotnetRun">
    /// True: the whole line through <c>dotnet run</c> (the launch profile picks Development). False: the same arguments
    /// after <c>--</c> given to the built bot directly in the environment that profile sets, which is what
    /// <c>dotnet run</c> ends up starting, without evaluating the project again (a few CPU-seconds per line).
    /// </param>
    private async Task<(int ExitCode, string Output)> RunAsync(string line, bool throughDotnetRun)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.EndsWith(".csv", StringComparison.Ordinal) || a.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(_folder.FullName, a) : a)
            .ToList();
        Assert.Equal(["dotnet", "run", "--project", "src/Bot", "--"], args.Take(5));
        if (throughDotnetRun)
            args.InsertRange(2, ["--no-build", "-c", BuiltConfiguration]);
        else
            args = ["dotnet", ScaleOut.BotAssembly.Locate().FullName, .. args.Skip(5)];
        var start = new ProcessStartInfo(args[0])
        {
            // dotnet run starts the app in the project folder; the built bot's appsettings files live next to it.
            WorkingDirectory = throughDotnetRun ? RepositoryRoot.Path : Path.GetDirectoryName(args[1])!,
        };
        foreach (var argument in args.Skip(1))
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Database__Provider", "Database__ConnectionString" })
            start.Environment.Remove(name);
        if (!throughDotnetRun)
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataDirectory"] = _folder.FullName;
        var (exitCode, output) = await ChildProcess.RunAsync(start);
        return (exitCode, $"{line}\n{output}");
    }

    private long Count(string table) => (long)Query($"SELECT COUNT(*) FROM \"{table}\"", null)!;

    private string? SourceOf(string externalId) => (string?)Query("SELECT \"Source\" FROM \"ConsentRecords\" WHERE \"ExternalId\" = $id", externalId);

    private object? Query(string sql, string? id)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.FullName, "chatcrm.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
            command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar();
    }
}
