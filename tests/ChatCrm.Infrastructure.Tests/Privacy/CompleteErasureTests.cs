using System.Data.Common;
using System.Text;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChatCrm.Infrastructure.Tests.Privacy;

/// <summary>
/// Erasure reaches everything: after the customer is erased the way the <c>erase</c> command does it (the staged
/// erasure and the audit entry, saved together), no text or binary column of any table holds the marker their data
/// carried. The columns are found from the EF model (which maps the Quartz job store's tables too), so a table added
/// later is scanned without changing this test. Nothing is exempt.
/// </summary>
public abstract class CompleteErasureTests(DatabaseFixture db)
{
    [Fact]
    public async Task Erase_MarkerInEveryFreeTextField_NoColumnOfAnyTableStillHoldsIt()
    {
        var marked = await MarkedCustomer.StoreAsync(db);
        Assert.NotEmpty(await ColumnsHoldingAsync(marked.Marker));

        await using (var erase = db.CreateContext())
        {
            var officer = CrmTestData.Rep("Privacy Officer");
            erase.Users.Add(officer);
            Assert.NotNull(await new CustomerErasure(erase).StageAsync(marked.Customer.Id, MarkedCustomer.At.AddDays(1), CancellationToken.None));
            erase.AuditEntries.Add(new AuditEntry(officer.Id, AuditAction.Erased, marked.Customer.Id, "Teams", MarkedCustomer.At.AddDays(1), CustomerField.All));
            await erase.SaveChangesAsync();
        }

        Assert.Empty(await ColumnsHoldingAsync(marked.Marker));
    }

    [Fact]
    public async Task Erase_KeepsTheCaseTheOrdersAndTheAuditTrail_WithoutTheirWords()
    {
        var marked = await MarkedCustomer.StoreAsync(db);
        await using (var erase = db.CreateContext())
        {
            await new CustomerErasure(erase).StageAsync(marked.Customer.Id, MarkedCustomer.At.AddDays(1), CancellationToken.None);
            await erase.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var supportCase = await read.SupportCases.Include(c => c.History).SingleAsync(c => c.Id == marked.Case.Id);
        Assert.Equal(marked.Case.Number, supportCase.Number);
        Assert.Equal(marked.Case.History.Count, supportCase.History.Count);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.CustomerId == marked.Customer.Id && a.Action == AuditAction.ViewedCustomer));
        Assert.Equal(1, await read.CustomerMerges.CountAsync(m => m.SurvivorId == marked.Customer.Id));
    }

    [Fact]
    public async Task ScannedColumns_IncludeTheQuartzJobStoreAndTheStoredRequests()
    {
        await using var context = db.CreateContext();
        var columns = TextAndBinaryColumns(context).ToList();
        Assert.Contains(columns, c => c.Table.Contains("qrtz_job_details", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(columns, c => c.Table.Contains("IdempotencyRecords", StringComparison.Ordinal) && c.Column == "ResponseBody");
        Assert.Contains(columns, c => c.Table.Contains("InboxItems", StringComparison.Ordinal) && c.Column == "Payload");
    }

    /// <summary>"Table.Column" for every column of every mapped table whose value contains <paramref name="marker"/>.</summary>
    private async Task<List<string>> ColumnsHoldingAsync(string marker)
    {
        await using var context = db.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new List<string>();
        foreach (var (table, column) in TextAndBinaryColumns(context))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column}\" FROM {table} WHERE \"{column}\" IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (Holds(reader, marker))
                {
                    found.Add($"{table}.{column}");
                    break;
                }
            }
        }
        return found;
    }

    private static bool Holds(DbDataReader reader, string marker) => reader.GetValue(0) switch
    {
        string text => text.Contains(marker, StringComparison.OrdinalIgnoreCase),
        byte[] bytes => Encoding.UTF8.GetString(bytes).Contains(marker, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The type the database holds: a value object or enum kept as text counts as text.</summary>
    private static Type StoredAs(IProperty property) => property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;

    private static IEnumerable<(string Table, string Column)> TextAndBinaryColumns(CrmDbContext context)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } name)
                continue;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{name}\"" : $"\"{name}\"";
            foreach (var property in entity.GetProperties().Where(p => StoredAs(p) == typeof(string) || StoredAs(p) == typeof(byte[])))
            {
                if (property.GetColumnName(store) is { } column && seen.Add((table, column)))
                    yield return (table, column);
            }
        }
    }
}

public sealed class SqliteCompleteErasureTests(SqliteFixture db) : CompleteErasureTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresCompleteErasureTests(PostgresFixture db) : CompleteErasureTests(db), IClassFixture<PostgresFixture>;
