using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.UserDirectory;

/// <summary>The directory's write services on one context, as the container builds them.</summary>
internal sealed class DirectoryServices(CrmDbContext db)
{
    public CrmDbContext Db { get; } = db;

    public UserDirectoryReader Reader { get; } = new(db);

    /// <summary>The one write path, new for each use as a scope would make it.</summary>
    public UserWrites Writes => new(Db, Reader, Audit, new RoleGrants(Db, Audit, TestClock.Create()), TestClock.Create());

    public UserEnrolment Enrolment => new(Writes);

    public UserUpdate Update => new(Reader, Writes);

    public UserDeactivation Deactivation => new(Db, Reader, Writes);

    private DirectoryAudit Audit => new(Db, TestClock.Create());

    /// <summary>Adds a user through the enrolment service and returns them; fails the test if refused.</summary>
    public async Task<Domain.Users.User> AddAsync(string email, string role = "SalesRep", string? team = "Iberia", string? manager = null)
    {
        var result = await Enrolment.AddAsync(new NewUser(email, "Someone " + role, role, team, manager, "Europe/Madrid", "es"), DirectoryActor.CommandLine,
            CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Value!;
    }
}
