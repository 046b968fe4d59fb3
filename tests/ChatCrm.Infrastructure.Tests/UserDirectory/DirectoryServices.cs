using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.UserDirectory;

/// <summary>The directory's write services on one context, as the container builds them.</summary>
internal sealed class DirectoryServices(CrmDbContext db)
{
    public CrmDbContext Db { get; } = db;

    public UserDirectoryReader Reader { get; } = new(db);

    public UserEnrolment Enrolment => new(Db, Reader, Audit);

    public UserUpdate Update => new(Db, Reader, Audit);

    public UserDeactivation Deactivation => new(Db, Reader, Audit, TestClock.Create());

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
