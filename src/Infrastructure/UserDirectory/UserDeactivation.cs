using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// <c>users deactivate</c> at the command line: the user and the colleague who takes over their customers found by
/// work e-mail, then <see cref="UserWrites.DeactivateAsync"/> (the one write path: the last active admin stays, the
/// customers move in the same transaction, audited) and the save.
/// </summary>
public sealed class UserDeactivation(CrmDbContext db, UserDirectoryReader directory, UserWrites writes)
{
    public async Task<DirectoryResult<DeactivationReport>> DeactivateAsync(string? email, string? handOverToEmail, DirectoryActor actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<DirectoryProblem>();
        var user = UserInput.Email(email, "email", problems) is { } found ? await directory.ByEmailAsync(found, "email", problems, cancellationToken) : null;
        var heir = UserInput.Email(handOverToEmail, "handOverTo", problems) is { } to ? await directory.ByEmailAsync(to, "handOverTo", problems, cancellationToken) : null;
        if (user is null || heir is null)
        {
            // Every problem at once: what stands against deactivating the user, besides the colleague not found.
            if (user is not null)
                problems.AddRange((await writes.CheckDeactivationAsync(user, null, cancellationToken)).Where(p => p.Field != "handOverTo"));
            return DirectoryResult.Refused<DeactivationReport>(problems);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await writes.DeactivateAsync(user, heir, actor, cancellationToken);
            if (!result.Succeeded)
                return result;
            await writes.SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}
