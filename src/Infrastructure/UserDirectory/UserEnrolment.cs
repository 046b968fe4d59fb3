namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// <c>users add</c> at the command line: the new user checked, staged and audited by <see cref="UserWrites"/> (the one
/// write path), then saved. The chat account is linked later, on their first message (Slack by this e-mail).
/// </summary>
public sealed class UserEnrolment(UserWrites writes)
{
    public const string DefaultTimeZone = UserWrites.DefaultTimeZone;
    public const string DefaultLanguage = UserWrites.DefaultLanguage;

    public async Task<DirectoryResult<Domain.Users.User>> AddAsync(NewUser request, DirectoryActor actor, CancellationToken cancellationToken)
    {
        var result = await writes.AddAsync(request, actor, cancellationToken);
        if (result.Succeeded)
            await writes.SaveAsync(cancellationToken);
        return result;
    }
}
