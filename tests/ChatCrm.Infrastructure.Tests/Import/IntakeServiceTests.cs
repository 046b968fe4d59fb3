using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>The write services as the REST API calls them: one record, field-named errors, never an exception for bad data.</summary>
public sealed class IntakeServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset March = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private CrmTestDatabase _database = null!;
    private ImportTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFile().MigrateAsync();
        _host = new ImportTestHost(_database);
        await _host.ImportDirectoryAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task CustomerUpsert_EmptyRecord_NamesEveryMissingFieldWithoutThrowing()
    {
        var result = await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake(null, " ", null, null, null, null), default));

        Assert.Equal(IntakeOutcome.Rejected, result.Outcome);
        Assert.Equal(["country", "externalId", "name"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task CustomerUpsert_EmailOfAnotherCustomer_RefusesTheHandleAndMergesNothing()
    {
        await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-1", "Ana Núñez", null, "ES", "es", null, "ana@example.es"), default));

        var result = await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-2", "Ana Nunez", null, "ES", "es", null, " ANA@example.es "), default));

        Assert.Equal("email", Assert.Single(result.Errors).Field);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task CustomerUpsert_SameNameAndCompanyAsAnExistingCustomer_CreatesItWithALikelyDuplicateWarning()
    {
        await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-1", "Ana Núñez", "Cafés del Sur", "ES", "es", null), default));

        var result = await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-2", "ana nuñez", "Cafés del Sur", "ES", "es", null), default));

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        Assert.Contains("likely the same customer as external id A-1 (same name, same company); not merged", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerUpsert_MoreLookalikesThanNamedWarnings_WarnsOfEachButNamesTheLaterOnesByTheirId()
    {
        await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-1", "Ana Núñez", "Cafés del Sur", "ES", "es", null), default));
        var luis = await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("B-1", "Luis Gil", "Cafés del Sur", "ES", "es", null), default));
        CustomerIntake[] batch =
        [
            new("A-2", "ana nuñez", "Cafés del Sur", "ES", "es", null),
            new("B-2", "luis gil", "Cafés del Sur", "ES", "es", null),
        ];

        var staged = await _host.StageAndSaveAsync<CustomerUpsert, IReadOnlyList<IntakeResult>>(async s =>
            (await s.StageUpdatesAsync(s.Check(batch), default, namedWarnings: 1)).Results);

        Assert.Contains("likely the same customer as external id A-1 (same name, same company)", Assert.Single(staged[0].Warnings), StringComparison.Ordinal);
        var unnamed = Assert.Single(staged[1].Warnings);
        Assert.Contains($"likely the same customer as customer {luis.Id!.Value:N} (same name, same company)", unnamed, StringComparison.Ordinal);
        Assert.DoesNotContain("B-1", unnamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDirectoryUpsert_DemotingTheOnlyAdmin_IsRefusedOnTheRoleField()
    {
        var result = await _host.StageAndSaveAsync<UserDirectoryUpsert, IntakeResult>(s => s.StageAsync(
            new UserIntake("U-0003", "lucia.ibanez@acme.example", "Lucía Ibáñez", "rep", "IT", null, "Europe/Madrid", "es-ES"), default));

        Assert.Contains("is the last admin", Assert.Single(result.Errors, e => e.Field == "role").Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(UserRole.Admin, (await db.Users.SingleAsync(u => u.ExternalId == "U-0003")).Role);
    }

    [Fact]
    public async Task UserDirectoryUpsert_OneBatchPromotesAnAdminAndDemotesTheOnlyOne_GoesAheadAndAuditsBoth()
    {
        var results = await _host.StageAndSaveAsync<UserDirectoryUpsert, IReadOnlyList<IntakeResult>>(s => s.StageAsync(
        [
            new UserIntake("U-0001", "carmen.ordonez@acme.example", "Carmen Ordóñez", "admin", "Dirección EMEA", null, "Europe/Madrid", "es-ES"),
            new UserIntake("U-0003", "lucia.ibanez@acme.example", "Lucía Ibáñez", "rep", "IT", null, "Europe/Madrid", "es-ES"),
        ], default));

        Assert.Equal([IntakeOutcome.Updated, IntakeOutcome.Updated], results.Select(r => r.Outcome));
        await using var db = _database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.Action == Domain.Auditing.AuditAction.DirectoryChanged && a.Details!.StartsWith("users update"))
            .Select(a => a.Details!).ToListAsync();
        Assert.Contains(audit, d => d.Contains("role: Manager -> Admin", StringComparison.Ordinal) && d.EndsWith("; by: import", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.Contains("role: Admin -> SalesRep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserDirectoryUpsert_UnknownTimeZoneAndRole_NamesBothFields()
    {
        var result = await _host.StageAndSaveAsync<UserDirectoryUpsert, IntakeResult>(s => s.StageAsync(
            new UserIntake("U-0100", "new@acme.example", "New Person", "wizard", null, null, "Mars/Olympus", "es-ES"), default));

        Assert.Equal(["role", "timeZone"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task ConsentRecorder_DifferentStatementUnderAUsedId_IsRefusedAndTheFirstStays()
    {
        await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-1", "Ana Núñez", null, "ES", "es", null), default));
        var first = new ConsentIntake("C-1", "A-1", "Marketing", "Email", Granted: true, "web form", March);
        await _host.StageAndSaveAsync<ConsentRecorder, IntakeResult>(s => s.StageAsync(first, default));

        var same = await _host.StageAndSaveAsync<ConsentRecorder, IntakeResult>(s => s.StageAsync(first, default));
        var changed = await _host.StageAndSaveAsync<ConsentRecorder, IntakeResult>(s => s.StageAsync(first with { Granted = false }, default));

        Assert.Equal(IntakeOutcome.Unchanged, same.Outcome);
        Assert.Equal("externalId", Assert.Single(changed.Errors).Field);
        await using var db = _database.CreateContext();
        Assert.True((await db.ConsentRecords.SingleAsync()).Granted);
    }

    [Fact]
    public async Task OrderRecorder_CorrectedAmount_UpdatesTheOrderInsteadOfAddingOne()
    {
        await _host.StageAndSaveAsync<CustomerUpsert, IntakeResult>(s => s.StageAsync(new CustomerIntake("A-1", "Ana Núñez", null, "ES", "es", null), default));
        var order = new OrderIntake("O-1", "a-1", "sku-1", null, 120.50m, "eur", March);
        await _host.StageAndSaveAsync<OrderRecorder, IntakeResult>(s => s.StageAsync(order, historical: false, default));

        var corrected = await _host.StageAndSaveAsync<OrderRecorder, IntakeResult>(s => s.StageAsync(order with { Amount = 125m }, historical: false, default));

        Assert.Equal(IntakeOutcome.Updated, corrected.Outcome);
        await using var db = _database.CreateContext();
        Assert.Equal(125m, (await db.Orders.SingleAsync()).Amount);
    }
}
