using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// <c>users update</c> at the command line: the user found by work e-mail, the change checked, staged and audited by
/// <see cref="UserWrites"/> (the one write path), then saved.
/// </summary>
public sealed class UserUpdate(UserDirectoryReader directory, UserWrites writes)
{
    public async Task<DirectoryResult<User>> UpdateAsync(string? email, UserChanges changes, DirectoryActor actor, CancellationToken cancellationToken)
    {
        var problems = new List<DirectoryProblem>();
        var user = UserInput.Email(email, "email", problems) is { } current ? await directory.ByEmailAsync(current, "email", problems, cancellationToken) : null;
        if (user is null)
            return DirectoryResult.Refused<User>(problems);
        var result = await writes.ChangeAsync(user, changes, actor, cancellationToken);
        if (!result.Succeeded)
            return DirectoryResult.Refused<User>(result.Problems);
        await writes.SaveAsync(cancellationToken);
        return DirectoryResult.Done(user);
    }
}
