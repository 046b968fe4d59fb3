namespace ChatCrm.Domain.Users;

/// <summary>Why a person is one of the configured first admins: the entry that named them, and how.</summary>
public sealed record BootstrapAdminMatch(string Entry, string MatchedBy);

/// <summary>
/// Who is a bootstrap admin (<c>Directory:BootstrapAdmins</c>): the people named by work e-mail or by Microsoft Entra
/// object id who become admins on their first message, so that a fresh installation has somebody who can run it.
/// E-mails match whatever their case; object ids whatever their GUID format. An entry that is neither never matches.
/// </summary>
public static class BootstrapAdminRule
{
    /// <summary>The entry naming the person, or null when none does (or nothing about the person is known).</summary>
    /// <param name="entries">The configured e-mails and object ids.</param>
    /// <param name="email">The work e-mail the chat tool reported for the person, if any.</param>
    /// <param name="entraObjectId">The person's Entra object id (Teams <c>aadObjectId</c>), if any.</param>
    public static BootstrapAdminMatch? Match(IEnumerable<string>? entries, string? email, string? entraObjectId)
    {
        if (entries is null)
            return null;
        var wantedEmail = email?.Trim();
        Guid? wantedId = Guid.TryParse(entraObjectId?.Trim(), out var id) ? id : null;
        foreach (var raw in entries)
        {
            var entry = raw?.Trim();
            if (string.IsNullOrEmpty(entry))
                continue;
            if (Guid.TryParse(entry, out var entryId))
            {
                if (wantedId == entryId)
                    return new BootstrapAdminMatch(entry, "Entra object id");
            }
            else if (IsEmail(entry) && !string.IsNullOrEmpty(wantedEmail) && string.Equals(entry, wantedEmail, StringComparison.OrdinalIgnoreCase))
            {
                return new BootstrapAdminMatch(entry, "e-mail");
            }
        }
        return null;
    }

    /// <summary>Whether a configured entry can ever match: a work e-mail or an Entra object id (a GUID).</summary>
    public static bool IsValidEntry(string? entry)
    {
        var text = entry?.Trim();
        return !string.IsNullOrEmpty(text) && (Guid.TryParse(text, out _) || IsEmail(text));
    }

    private static bool IsEmail(string text) => Customers.IdentityNormalizer.LooksLikeEmail(text);
}
