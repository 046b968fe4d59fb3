using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.UserDirectory;

/// <summary>Adding and changing users (<see cref="UserEnrolment"/>, <see cref="UserUpdate"/>), each test on a fresh SQLite database.</summary>
public sealed class UserEnrolmentTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.InMemory();
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddAsync_ValidUser_SavesNormalisedFieldsAndAuditsTheSettings()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        var boss = await services.AddAsync("jefa@ejemplo.es", "Manager");

        var result = await services.Enrolment.AddAsync(
            new NewUser(" Lucia.Fernandez@Ejemplo.ES ", "Lucía Fernández", "rep", "Iberia", "JEFA@ejemplo.es", "Europe/Madrid", "es-es"),
            DirectoryActor.CommandLine, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var reread = _database.CreateContext();
        var saved = await reread.Users.SingleAsync(u => u.Id == result.Value!.Id);
        Assert.Equal(("lucia.fernandez@ejemplo.es", UserRole.SalesRep, "Iberia", boss.Id, "Europe/Madrid", "es-ES"),
            (saved.Email, saved.Role, saved.Team, saved.ManagerId, saved.TimeZone, saved.Locale));
        var audit = await reread.AuditEntries.SingleAsync(a => a.Actor == saved.Id);
        Assert.Equal((AuditAction.DirectoryChanged, "cli"), (audit.Action, audit.Channel));
        Assert.Equal($"users add: user {saved.Id}; role: SalesRep; team: Iberia; manager: user {boss.Id}; time zone: Europe/Madrid; locale: es-ES; by: command line",
            audit.Details);
        Assert.DoesNotContain("lucia", audit.Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddAsync_EveryFieldWrong_NamesEachFieldAndSavesNothing()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);

        var result = await services.Enrolment.AddAsync(
            new NewUser("not-an-email", " ", "Wizard", null, "nobody@ejemplo.es", "Mars/Olympus", "zz"), DirectoryActor.CommandLine, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(["email", "language", "manager", "name", "role", "timeZone"], result.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Contains("SalesRep, SupportAgent, Manager, Admin, PrivacyOfficer", result.Problems.Single(p => p.Field == "role").Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task AddAsync_EmailAlreadyInDirectory_IsRefused()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        await services.AddAsync("ana@ejemplo.es");

        var result = await services.Enrolment.AddAsync(new NewUser("ANA@ejemplo.es", "Ana Bis", "SupportAgent"), DirectoryActor.CommandLine, CancellationToken.None);

        Assert.Equal("email", Assert.Single(result.Problems).Field);
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task UpdateAsync_RoleTeamAndManager_ChangesThemAndAuditsBeforeAndAfter()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        var boss = await services.AddAsync("jefa@ejemplo.es", "Manager");
        var rep = await services.AddAsync("ana@ejemplo.es");

        var result = await services.Update.UpdateAsync("ana@ejemplo.es",
            new UserChanges(Role: "Manager", Team: "LatAm", ManagerEmail: "jefa@ejemplo.es", Name: "Ana María"), DirectoryActor.CommandLine, CancellationToken.None);

        Assert.True(result.Succeeded);
        await using var reread = _database.CreateContext();
        var saved = await reread.Users.SingleAsync(u => u.Id == rep.Id);
        Assert.Equal((UserRole.Manager, "LatAm", boss.Id, "Ana María"), (saved.Role, saved.Team, saved.ManagerId, saved.DisplayName));
        var audit = await reread.AuditEntries.SingleAsync(a => a.Actor == rep.Id && a.Details!.StartsWith("users update"));
        Assert.Equal($"users update: user {rep.Id}; name: changed; role: SalesRep -> Manager; team: Iberia -> LatAm; manager: none -> user {boss.Id}; by: command line",
            audit.Details);
    }

    [Fact]
    public async Task UpdateAsync_LastAdminDemoted_IsRefusedWithTheRule()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        await services.AddAsync("admin@ejemplo.es", "Admin");

        var result = await services.Update.UpdateAsync("admin@ejemplo.es", new UserChanges(Role: "SalesRep"), DirectoryActor.CommandLine, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("role", problem.Field);
        Assert.Contains("is the last admin", problem.Message, StringComparison.Ordinal);
        await using var reread = _database.CreateContext();
        Assert.Equal(UserRole.Admin, (await reread.Users.SingleAsync()).Role);
    }

    [Fact]
    public async Task UpdateAsync_OwnManager_IsRefused()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        await services.AddAsync("ana@ejemplo.es");

        var result = await services.Update.UpdateAsync("ana@ejemplo.es", new UserChanges(ManagerEmail: "ana@ejemplo.es"), DirectoryActor.CommandLine, CancellationToken.None);

        Assert.Equal("manager", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task UpdateAsync_UnknownUser_NamesTheEmailField()
    {
        await using var db = _database.CreateContext();

        var result = await new DirectoryServices(db).Update.UpdateAsync("ghost@ejemplo.es", new UserChanges(Team: "X"), DirectoryActor.CommandLine, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("email", "no user has the e-mail ghost@ejemplo.es.", "ningún usuario tiene el correo ghost@ejemplo.es."),
            (problem.Field, problem.Message, problem.Text.Spanish));
    }

    [Fact]
    public async Task ListAsync_Team_ListsOnlyItsMembersWithTheirManagersEmail()
    {
        await using var db = _database.CreateContext();
        var services = new DirectoryServices(db);
        await services.AddAsync("jefa@ejemplo.es", "Manager", "Iberia");
        await services.AddAsync("ana@ejemplo.es", "SalesRep", "Iberia", manager: "jefa@ejemplo.es");
        await services.AddAsync("otro@ejemplo.es", "SalesRep", "LatAm");

        var entries = await services.Reader.ListAsync("iberia", CancellationToken.None);

        Assert.Equal(["ana@ejemplo.es", "jefa@ejemplo.es"], entries.Select(e => e.Email).Order(StringComparer.Ordinal));
        Assert.Equal("jefa@ejemplo.es", entries.Single(e => e.Email == "ana@ejemplo.es").ManagerEmail);
        Assert.All(entries, e => Assert.True(e.Active));
    }
}
