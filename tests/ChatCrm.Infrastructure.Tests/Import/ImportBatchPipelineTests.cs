using System.Text;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>
/// The next batch is read and checked while the current one is written: the outcome must be what one batch after
/// another gives: problems and rejects batch by batch in the file's order, all or nothing across batches, each row
/// keeping its own values, and each batch's checks seeing what the batches before it wrote.
/// </summary>
public abstract class ImportBatchPipelineTests
{
    private const string Header = "externalId;name;company;country;language;email;phone";

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task RunAsync_BadRowInTheSecondBatch_WritesNothingWithoutSkipInvalid()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        var rows = Enumerable.Range(1, 12).Select(i => Row(i)).ToList();
        rows[6] = $"P-7;Seventh Row;;XX;es;p7@example.es;";
        var file = await WriteCsvAsync(rows);

        var report = await host.ImportAsync(ImportKind.Customers, file, batchSize: 5);

        Assert.False(report.Written);
        Assert.Equal((12L, 11L, 1L), (report.RowsRead, report.Created, report.Rejected));
        Assert.Equal("line 8, column country: 'XX' is not an ISO 3166 two-letter country code", Assert.Single(report.Problems).ToString());
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(0, await db.CustomerIdentities.CountAsync());
        Assert.Equal(0, await db.CustomerSearchTerms.CountAsync());
    }

    [Fact]
    public async Task RunAsync_SmallBatches_ReportsAndRejectsBatchByBatchAndKeepsEachRowItsOwnValues()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        var rows = Enumerable.Range(1, 40).Select(i => (i % 4) switch
        {
            0 => $"P-{i};Bad Country {i};;XX;es;p{i}@example.es;",
            1 when i > 1 => $"P-{i - 1};Twice {i};;ES;es;p{i}@example.es;",
            2 when i % 8 == 2 => $"P-{i};Too;Few",
            _ => Row(i),
        }).ToList();
        var file = await WriteCsvAsync(rows);
        var rejects = Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.csv");

        var report = await host.ImportAsync(ImportKind.Customers, file, skipInvalid: true, rejects: rejects, batchSize: 3);

        // Within a batch, rows that cannot be read or repeat a key are reported before those the service refuses.
        var badLines = rows.Select((row, i) => (row, Line: i + 2L)).Where(r => !r.row.Contains("Row ", StringComparison.Ordinal)).Select(r => r.Line).ToList();
        var reported = report.Problems.Select(p => p.Line).ToList();
        Assert.Equal(badLines, reported.Order());
        Assert.Equal(reported.Select(BatchOf).Order(), reported.Select(BatchOf));
        var rejected = (await File.ReadAllLinesAsync(rejects)).Skip(1)
            .Select(l => rows.FindIndex(r => r.StartsWith(string.Join(';', l.Split(';')[..2]) + ";", StringComparison.Ordinal)) + 2L).ToList();
        File.Delete(rejects);
        Assert.Equal(reported, rejected);
        Assert.Equal(rows.Count - badLines.Count, report.Created);
        await using var db = database.CreateContext();
        var stored = await db.Customers.Include(c => c.Identities).ToListAsync();
        Assert.Equal(report.Created, stored.Count);
        Assert.All(stored, c => Assert.Equal($"P-{c.DisplayName.Split(' ')[1]}", c.FirstIdentity(IdentityKind.ExternalId)));
        Assert.All(stored, c => Assert.Equal($"p{c.DisplayName.Split(' ')[1]}@example.es", c.FirstIdentity(IdentityKind.Email)));
    }

    [Fact]
    public async Task RunAsync_HandleTakenByAnEarlierBatch_IsRefusedInALaterOne()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        var file = await WriteCsvAsync([Row(1), Row(2), "P-3;Third Row;;ES;es;p1@example.es;"]);

        var report = await host.ImportAsync(ImportKind.Customers, file, skipInvalid: true, batchSize: 2);

        Assert.Equal((2L, 1L), (report.Created, report.Rejected));
        Assert.StartsWith("line 4, column email: 'p1@example.es' already belongs to another customer", Assert.Single(report.Problems).ToString(), StringComparison.Ordinal);
    }

    private static long BatchOf(long line) => (line - 2) / 3;

    private static string Row(int i) => $"P-{i};Row {i} Pipeline;;ES;es;p{i}@example.es;+34 611 {i:000} 000";

    private static async Task<string> WriteCsvAsync(IEnumerable<string> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatcrm-pipeline-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Header + "\n" + string.Join('\n', rows) + "\n", Encoding.UTF8);
        return path;
    }
}

public sealed class SqliteImportBatchPipelineTests : ImportBatchPipelineTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportBatchPipelineTests : ImportBatchPipelineTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("importpipe");
}
