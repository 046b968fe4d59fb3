using System.Data.Common;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>
/// Every query a lookup runs is answered from indexes: the engine's own plan for each statement, with the same
/// parameters, shows index searches and never a scan of a table (SQLite: no "SCAN &lt;table&gt;"; PostgreSQL,
/// told to avoid sequential scans whenever it can: no "Seq Scan").
/// </summary>
public abstract class SearchQueryPlanTests(DatabaseFixture db)
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    [Fact]
    public async Task IdentifyAsync_EveryPath_UsesIndexesOnly()
    {
        var surname = SearchWords.Unique();
        var company = SearchWords.Unique();
        var email = CrmTestData.UniqueEmail();
        var customers = Enumerable.Range(0, CustomerSearchIndex.MaxCandidates + 5).Select(i => CrmTestData.Customer($"Ana {surname}", company)).ToList();
        customers[0].AddIdentity(IdentityKind.Email, email);
        await using (var write = db.CreateContext())
        {
            write.Customers.AddRange(customers);
            await write.SaveChangesAsync();
        }

        var recorder = new CommandRecorder();
        await using (var context = InterceptedContexts.Create(db.Database, recorder))
        {
            var lookup = CustomerLookupTests.Lookup(context);
            foreach (var text in new[] { email, "+34 600 000 001", "CC000000001", $"ana {surname}", surname, $"{surname[..^1]}, {company}", $"{surname[..6]}", "zzzzqqq" })
                await lookup.IdentifyAsync(CustomerQuery.Parse(text, Spain), CancellationToken.None);
            await lookup.GetAsync(customers[0].Id, CancellationToken.None);
        }

        Assert.True(recorder.Commands.Count >= 10, $"{recorder.Commands.Count} statements recorded");
        await using var explain = db.CreateContext();
        await explain.Database.OpenConnectionAsync();
        if (db.Provider == DatabaseProvider.Postgres)
            await explain.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        foreach (var command in recorder.Commands)
        {
            var plan = await PlanAsync(explain, command);
            Assert.True(UsesIndexesOnly(plan), $"{command.Text}\n---\n{string.Join("\n", plan)}");
        }
    }

    [Fact]
    public async Task BackfillAsync_NothingToDo_ReadsOnlyIndexes()
    {
        await using (var write = db.CreateContext())
        {
            write.Customers.Add(CrmTestData.Customer("Rosa Campos", SearchWords.Unique()));
            await write.SaveChangesAsync();
        }
        var recorder = new CommandRecorder();
        await using (var context = InterceptedContexts.Create(db.Database, recorder))
            Assert.Equal(0, await new SearchIndexBackfill(context, NullLogger<SearchIndexBackfill>.Instance).RunAsync(CancellationToken.None));

        // One anti-join for the word index, one for the pair index.
        Assert.Equal(2, recorder.Commands.Count);
        await using var explain = db.CreateContext();
        await explain.Database.OpenConnectionAsync();
        if (db.Provider == DatabaseProvider.Postgres)
            await explain.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        foreach (var antiJoin in recorder.Commands)
        {
            var plan = await PlanAsync(explain, antiJoin);
            // Every customer is visited, but through the narrow key index (SQLite: a covering index scan), probing the index by customer.
            var readsIndexesOnly = db.Provider == DatabaseProvider.Postgres
                ? !plan.Any(line => line.Contains("Seq Scan", StringComparison.Ordinal))
                : plan.All(line => !line.StartsWith("SCAN ", StringComparison.Ordinal) || line.Contains("USING COVERING INDEX", StringComparison.Ordinal));
            Assert.True(readsIndexesOnly, $"{antiJoin.Text}\n---\n{string.Join("\n", plan)}");
        }
    }

    private bool UsesIndexesOnly(IReadOnlyList<string> plan)
    {
        if (db.Provider == DatabaseProvider.Postgres)
            return !plan.Any(line => line.Contains("Seq Scan", StringComparison.Ordinal));
        // SQLite may scan what it built itself from an index search (a subquery's rows), never a table.
        var subqueries = plan
            .Where(line => line.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || line.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim())
            .Append("CONSTANT ROW")
            .ToHashSet(StringComparer.Ordinal);
        return !plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !subqueries.Contains(line["SCAN ".Length..].Trim()));
    }

    private async Task<IReadOnlyList<string>> PlanAsync(CrmDbContext context, RecordedCommand recorded)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = (db.Provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + recorded.Text;
        foreach (var (name, value) in recorded.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(reader.FieldCount - 1));
        return lines;
    }

    private sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object Value)> Parameters);

    /// <summary>Keeps the text and parameter values of every query a context runs.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                Commands.Add(new RecordedCommand(command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList()));
            }
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteSearchQueryPlanTests(SqliteFixture db) : SearchQueryPlanTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSearchQueryPlanTests(PostgresFixture db) : SearchQueryPlanTests(db), IClassFixture<PostgresFixture>;
