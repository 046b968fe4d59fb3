using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Scheduling;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Infrastructure.Tests.Migrations;

/// <summary>
/// No SQL Server runs here, so its migrations are checked as the script they generate (which needs no connection;
/// the context points at a port nothing serves, so an attempt to connect would fail the test).
/// </summary>
public sealed class MigrationScriptTests
{
    private static readonly string[] Tables =
    [
        "Customers", "CustomerIdentities", "Interactions", "Users", "Offers",
        "Orders", "ConsentRecords", "AuditEntries", "DialogStates", "DataProtectionKeys", "CustomerMerges",
        "CustomerValues", "TierChanges", "CustomerNeeds",
        "CustomerSearchTerms", "SearchWordVariants", "CustomerSearchPairs",
        "InboxItems", "ConversationReferences", "SlackInstallations",
        "SupportCases", "CaseHistory", "SlaAlerts",
        "SubmittedForms",
        "OfferPresentations", "OfferAnswers", "OfferModelVersions",
        "DigestSubscriptions", "DigestDeliveries",
        "QueuedOfferSuggestions",
        "ApiKeys", "IdempotencyRecords",
        "PrivacyLinks", "PrivacySessions", "ErasureRequests", "ExportLinks",
        "SlackInstallLinks", "RoleGrantRequests",
        "SatisfactionSurveys",
        "OutboxMessages",
    ];

    [Fact]
    public void GenerateScript_SqlServer_CreatesEveryTable()
    {
        var script = Script(DatabaseProvider.SqlServer);

        Assert.All(Tables, table => Assert.Contains($"CREATE TABLE [{table}] (", script, StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateScript_SqlServer_HasUniqueIdentityIndex()
    {
        var script = Script(DatabaseProvider.SqlServer);

        Assert.Contains("CREATE UNIQUE INDEX [IX_CustomerIdentities_Kind_Value] ON [CustomerIdentities] ([Kind], [Value]);", script, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateScript_SqlServer_HasVersionTokenAndExactTypes()
    {
        var script = Script(DatabaseProvider.SqlServer);

        Assert.Equal(Tables.Length, CountOf(script, "[Version] bigint NOT NULL DEFAULT CAST(0 AS bigint)"));
        Assert.Contains("[Amount] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[OccurredAt] datetimeoffset NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[DisplayName] nvarchar(200) NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateScript_Postgres_CreatesEveryTableAndUniqueIdentityIndex()
    {
        var script = Script(DatabaseProvider.Postgres);

        Assert.All(Tables, table => Assert.Contains($"CREATE TABLE \"{table}\" (", script, StringComparison.Ordinal));
        Assert.Contains("CREATE UNIQUE INDEX \"IX_CustomerIdentities_Kind_Value\" ON \"CustomerIdentities\" (\"Kind\", \"Value\");", script, StringComparison.Ordinal);
        Assert.Contains("\"OccurredAt\" timestamp with time zone NOT NULL", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_EveryTable_IsCoveredByThisTest(DatabaseProvider provider)
    {
        using var context = CrmDbContextFactory.CreateOffline(provider);

        var mapped = context.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(Tables.Concat(QuartzStoreModel.TableNames).Order(StringComparer.Ordinal), mapped);
    }

    [Fact]
    public void GenerateScript_Postgres_QuartzTablesHaveTheTypesItsDelegateBinds()
    {
        var script = Script(DatabaseProvider.Postgres);

        Assert.All(QuartzStoreModel.TableNames, table => Assert.Contains($"CREATE TABLE {table} (", script, StringComparison.Ordinal));
        Assert.Contains("job_data bytea,", script, StringComparison.Ordinal);
        Assert.Contains("is_durable boolean NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("next_fire_time bigint,", script, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateScript_SqlServer_QuartzTablesHaveBoundedKeysAndBinaryData()
    {
        var script = Script(DatabaseProvider.SqlServer);

        Assert.Contains("[sched_name] nvarchar(120) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[job_data] varbinary(max) NULL", script, StringComparison.Ordinal);
        Assert.Contains("[is_durable] bit NOT NULL", script, StringComparison.Ordinal);
    }

    private static string Script(DatabaseProvider provider)
    {
        using var context = CrmDbContextFactory.CreateOffline(provider);
        return context.GetService<IMigrator>().GenerateScript();
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
