using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Users;

/// <summary>Someone who works with ChatCrm: a sales rep, a support agent, a manager or an admin.</summary>
public sealed class User
{
    public const int MaxNameLength = 200;

    private User()
    {
        DisplayName = string.Empty;
        TimeZone = "UTC";
        Locale = "en-US";
    }

    public User(UserId id, string displayName, UserRole role, string? team, string timeZone, string locale)
    {
        Id = id;
        DisplayName = Guard.RequiredText(displayName, "user name", MaxNameLength);
        Role = role;
        Team = Guard.OptionalText(team, "team name", 100);
        TimeZone = Guard.RequiredText(timeZone, "time zone", 64);
        Locale = Guard.RequiredText(locale, "locale", 16);
    }

    public UserId Id { get; private set; }

    public string DisplayName { get; private set; }

    public UserRole Role { get; private set; }

    public string? Team { get; private set; }

    public UserId? ManagerId { get; private set; }

    /// <summary>The Microsoft Entra (AAD) object id that Teams sends as <c>from.aadObjectId</c>.</summary>
    public string? TeamsAadObjectId { get; private set; }

    /// <summary>The Slack account (Slack user ids are unique per workspace only), stored as "<c>TEAM:USER</c>".</summary>
    public SlackUserKey? SlackUserKey { get; private set; }

    public const int MaxEmailLength = 254;

    /// <summary>
    /// The work e-mail (lower case), which chat tools that do not share ChatCrm's directory (Slack) report for their
    /// users: the one fact that links an unknown chat account to this user.
    /// </summary>
    public string? Email { get; private set; }

    /// <summary>IANA time zone id, e.g. "Europe/Madrid".</summary>
    public string TimeZone { get; private set; }

    /// <summary>
    /// When the user left ChatCrm (null while they use it). A deactivated user keeps their record, links and history
    /// for the audit trail, but the bot refuses them and they own no customers.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>BCP 47 locale, e.g. "es-ES".</summary>
    public string Locale { get; private set; }

    /// <summary>The user's time zone, for their calendar ("today", "tomorrow"); UTC when the id is unknown here.</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public const int MaxExternalIdLength = 200;

    /// <summary>The user's id in the company directory or HR system (normalised like every external id); null when unknown.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Sets the directory id (upper case, no spaces); null clears it.</summary>
    public void UseExternalId(string? externalId) =>
        ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : IdentityNormalizer.Normalize(IdentityKind.ExternalId, externalId);

    public void Rename(string displayName) => DisplayName = Guard.RequiredText(displayName, "user name", MaxNameLength);

    /// <summary>Moves the user to another team; null or blank for none.</summary>
    public void MoveToTeam(string? team) => Team = Guard.OptionalText(team, "team name", 100);

    /// <summary>Who set <see cref="TimeZone"/> last: a client's report never replaces the person's own choice.</summary>
    public PreferenceSource TimeZoneSource { get; private set; }

    /// <summary>Who set <see cref="Locale"/> last: the person's own choice wins over the locale their client sends.</summary>
    public PreferenceSource LocaleSource { get; private set; }

    /// <summary>
    /// Sets the IANA time zone the user's calendar runs in ("Europe/Madrid"), as the directory has it (an admin, the
    /// import, the API). A different zone makes the directory its source again, so the client may report a newer one.
    /// </summary>
    public void UseTimeZone(string timeZone)
    {
        var zone = Guard.RequiredText(timeZone, "time zone", 64);
        if (zone != TimeZone)
            TimeZoneSource = PreferenceSource.Directory;
        TimeZone = zone;
    }

    /// <summary>The person's own choice of zone (<c>settings</c>): kept until they choose again.</summary>
    public void ChooseTimeZone(string ianaId)
    {
        if (!TimeZoneNames.IsIanaId(ianaId))
            throw new DomainRuleException($"'{ianaId}' is not an IANA time zone.");
        TimeZone = ianaId;
        TimeZoneSource = PreferenceSource.Person;
    }

    /// <summary>
    /// The zone the person's chat client reports: taken when it is a real IANA id, differs, and the person has not
    /// chosen one themselves. True when it was taken.
    /// </summary>
    public bool AdoptReportedTimeZone(string? ianaId)
    {
        if (TimeZoneSource == PreferenceSource.Person || ianaId is null || ianaId == TimeZone || !TimeZoneNames.IsIanaId(ianaId))
            return false;
        TimeZone = ianaId;
        TimeZoneSource = PreferenceSource.ChatClient;
        return true;
    }

    /// <summary>
    /// Ends the user's use of ChatCrm. Whether it may happen (the last admin stays) is decided by
    /// <see cref="RoleChangeRule.DecideDeactivation"/> first; handing their customers over is the caller's job.
    /// </summary>
    public void Deactivate(DateTimeOffset at)
    {
        if (DeactivatedAt is not null)
            throw new DomainRuleException($"{DisplayName} is already deactivated.");
        DeactivatedAt = Guard.Utc(at);
    }

    /// <summary>Lets a deactivated user use ChatCrm again.</summary>
    public void Reactivate() => DeactivatedAt = null;

    public void ReportTo(UserId? managerId)
    {
        if (managerId == Id)
            throw new DomainRuleException("A user cannot be their own manager.");
        ManagerId = managerId;
    }

    public void LinkTeams(string aadObjectId) =>
        TeamsAadObjectId = Guard.RequiredText(aadObjectId, "Teams user id", 100).ToLowerInvariant();

    /// <summary>Sets the work e-mail (trimmed, lower case); null clears it.</summary>
    public void UseEmail(string? email)
    {
        var text = Guard.OptionalText(email, "e-mail", MaxEmailLength)?.ToLowerInvariant();
        if (text is not null && (!text.Contains('@', StringComparison.Ordinal) || text.StartsWith('@') || text.EndsWith('@')))
            throw new DomainRuleException($"\"{text}\" is not an e-mail address.");
        Email = text;
    }

    /// <summary>The language and formats the user reads in, as their chat tool reports it (e.g. "es-ES").</summary>
    public void UseLocale(string locale)
    {
        var given = Guard.RequiredText(locale, "locale", 16);
        if (given != Locale)
            LocaleSource = PreferenceSource.Directory;
        Locale = given;
    }

    /// <summary>The person's own choice of language (<c>settings</c>): answers follow it whatever their client sends.</summary>
    public void ChooseLocale(string locale)
    {
        Locale = Guard.RequiredText(locale, "locale", 16);
        LocaleSource = PreferenceSource.Person;
    }

    /// <summary>The locale a chat client reports (Slack's profile), unless the person chose one. True when it was taken.</summary>
    public bool AdoptReportedLocale(string? locale)
    {
        if (LocaleSource == PreferenceSource.Person || locale is not { Length: > 0 and <= 16 } || locale == Locale)
            return false;
        Locale = locale;
        LocaleSource = PreferenceSource.ChatClient;
        return true;
    }

    public void LinkSlack(SlackUserKey key) => SlackUserKey = key;

    public void LinkSlack(string teamId, string userId) => LinkSlack(new SlackUserKey(teamId, userId));

    /// <summary>Forgets the Teams account (an admin moved it to someone else).</summary>
    public void UnlinkTeams() => TeamsAadObjectId = null;

    /// <summary>Forgets the Slack account (an admin moved it to someone else).</summary>
    public void UnlinkSlack() => SlackUserKey = null;

    /// <summary>
    /// Gives the user another role. Whether the change is allowed (the last admin keeps theirs) is decided by
    /// <see cref="RoleChangeRule"/> first, which sees every admin; the user alone cannot know.
    /// </summary>
    public void ChangeRole(UserRole role)
    {
        if (!Enum.IsDefined(role))
            throw new DomainRuleException($"{role} is not a role.");
        Role = role;
    }
}
