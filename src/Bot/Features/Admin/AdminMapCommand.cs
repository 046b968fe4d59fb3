using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// "admin map teams|slack &lt;account&gt; &lt;user&gt; [role] [--force]": links a chat account to a ChatCrm user (found by e-mail
/// or name) and optionally gives them a role. An account already linked to someone else is moved only when the admin
/// says so (<c>--force</c> / <c>forzar</c>, or the confirm button); the last admin keeps their role; the admin and privacy
/// officer roles wait for a second admin (<see cref="RoleGrants"/>). Every change is
/// audited as a directory change with the before and after (ids only).
/// </summary>
public sealed class AdminMapCommand(CrmDbContext db, AdminUserFinder users, AuditTrail audit, RoleGrants grants)
{
    public const string MoveVerb = "admin-map-move";

    public async Task RunAsync(TurnContext context, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(words);
        var channel = words.Count == 0 ? null : SearchText.Fold(words[0]) switch
        {
            "teams" => ChatChannel.Teams,
            "slack" => (ChatChannel?)ChatChannel.Slack,
            _ => null,
        };
        var rest = words.Skip(1).Where(w => !AdminRequest.IsForce(w)).ToList();
        var force = words.Skip(1).Any(AdminRequest.IsForce);
        var mention = channel == ChatChannel.Teams && context.Turn.Channel == ChatChannel.Teams ? (context.Turn.Mentions.Count > 0 ? context.Turn.Mentions[0] : null) : null;
        if (channel is null || rest.Count < (mention is null ? 2 : 1))
        {
            context.Say(AdminCards.MapUsage);
            return;
        }

        string? handleWord = null;
        if (mention is null)
        {
            handleWord = rest[0];
            rest.RemoveAt(0);
        }
        var (handle, problem) = ChatHandle.Read(channel.Value, handleWord, mention, await SlackTeamAsync(context));
        if (handle is null)
        {
            context.Say(problem!);
            return;
        }

        var (target, role) = await FindUserAndRoleAsync(context, rest);
        if (target is not null)
            await ApplyAsync(context, handle, target, role, force);
    }

    /// <summary>The confirm button of a move: the account, the user and the role it names, moved as asked.</summary>
    public async Task ConfirmMoveAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        var target = Guid.TryParse(action.Value("user"), out var id) ? await db.Users.FirstOrDefaultAsync(u => u.Id == new UserId(id), context.CancellationToken) : null;
        if (target is null || action.Value("key") is not { } key || !Enum.TryParse<ChatChannel>(action.Value("channel"), out var channel))
        {
            context.Say("That button no longer names a user I know; nothing was changed.", "Ese botón ya no corresponde a un usuario que conozca; no se ha cambiado nada.");
            return;
        }
        UserRole? role = Enum.TryParse<UserRole>(action.Value("role"), out var chosen) ? chosen : null;
        await ApplyAsync(context, new ChatHandle(channel, key, action.Value("shown") ?? key), target, role, force: true);
    }

    private async Task<(User? User, UserRole? Role)> FindUserAndRoleAsync(TurnContext context, List<string> words)
    {
        var hasRole = words.Count >= 2 && RoleChangeRule.TryParse(words[^1], out _);
        var whole = await users.FindAsync(string.Join(' ', hasRole ? words[..^1] : words), context.CancellationToken);
        UserRole? role = hasRole && RoleChangeRule.TryParse(words[^1], out var parsed) ? parsed : null;
        if (whole.Users.Count == 0 && !hasRole && words.Count >= 2
            && (await users.FindAsync(string.Join(' ', words[..^1]), context.CancellationToken)).Only is not null)
        {
            context.Say(new LocalizedText(
                $"\"{words[^1]}\" is not a role. The roles are: {RoleChangeRule.KnownWords.English}.",
                $"\"{words[^1]}\" no es un rol. Los roles son: {RoleChangeRule.KnownWords.Spanish}."));
            return (null, null);
        }
        switch (whole.Users.Count)
        {
            case 0:
                context.Say(new LocalizedText(
                    $"No ChatCrm user is called or has the e-mail \"{string.Join(' ', hasRole ? words[..^1] : words)}\". Add them to the directory first.",
                    $"Ningún usuario de ChatCrm se llama ni tiene el e-mail \"{string.Join(' ', hasRole ? words[..^1] : words)}\". Dalo de alta en el directorio primero."));
                return (null, null);
            case 1:
                return (whole.Users[0], role);
            default:
                var names = string.Join(", ", whole.Users.Select(u => u.DisplayName));
                context.Say(new LocalizedText($"Several users match: {names}. Give their work e-mail instead.",
                    $"Coinciden varios usuarios: {names}. Indica mejor su e-mail de trabajo."));
                return (null, null);
        }
    }

    private async Task ApplyAsync(TurnContext context, ChatHandle handle, User target, UserRole? role, bool force)
    {
        var key = handle.Key;
        SlackUserKey? slackKey = handle.Channel == ChatChannel.Slack ? SlackUserKey.Parse(key) : null;
        var holder = slackKey is null
            ? await db.Users.FirstOrDefaultAsync(u => u.TeamsAadObjectId == key, context.CancellationToken)
            : await db.Users.FirstOrDefaultAsync(u => u.SlackUserKey == slackKey, context.CancellationToken);
        var takenFrom = holder is not null && holder.Id != target.Id ? holder : null;
        if (takenFrom is not null && !force)
        {
            context.Show(AdminCards.MoveLink(handle, takenFrom, target, role, context.Language));
            return;
        }
        var roleBefore = target.Role;
        if (role is { } newRole && newRole != roleBefore)
        {
            var admins = await db.Users.CountAsync(u => u.Role == UserRole.Admin && u.DeactivatedAt == null, context.CancellationToken);
            var decision = RoleChangeRule.Decide(target, newRole, admins);
            if (!decision.Allowed)
            {
                context.Say(decision.Reason!);
                return;
            }
        }

        var before = handle.Channel == ChatChannel.Teams ? target.TeamsAadObjectId : target.SlackUserKey?.ToString();
        if (holder is not null && holder.Id == target.Id && (role is null || role == roleBefore))
        {
            context.Say(new LocalizedText($"{handle.Shown} is already linked to {target.DisplayName}; nothing changed.",
                $"{handle.Shown} ya está vinculado a {target.DisplayName}; no ha cambiado nada."));
            return;
        }
        takenFrom?.Unlink(handle.Channel);
        if (handle.Channel == ChatChannel.Teams)
        {
            target.LinkTeams(key);
        }
        else
        {
            target.LinkSlack(slackKey!.Value);
        }
        if (role is { } given)
            target.ChangeRole(await grants.GateAsync(target, given, new DirectoryActor(context.User.Id, context.Turn.Channel.ToString()), context.CancellationToken));

        audit.Record(context, AuditAction.DirectoryChanged,
            $"map {handle.Channel.ToString().ToLowerInvariant()} {key} -> user {target.Id}; user's previous account: {before ?? "none"}; "
            + $"taken from: {(takenFrom is null ? "nobody" : $"user {takenFrom.Id}")}; role: {roleBefore} -> {target.Role}");
        context.Say(AdminCards.Mapped(handle, target, takenFrom, roleBefore, context.Language));
        if (grants.Staged.Count > 0)
            context.Say(RoleGrantWording.Waiting(target.DisplayName));
    }

    /// <summary>The workspace a bare Slack member id is in: the admin's own when they write from Slack, else the only one installed.</summary>
    private async Task<string?> SlackTeamAsync(TurnContext context)
    {
        if (context.Turn.Channel == ChatChannel.Slack)
            return SlackUserKey.TryParse(context.Turn.User.ChannelUserId, out var own) ? own.TeamId : null;
        var teams = await db.SlackInstallations.Where(i => i.RetiredAt == null && !i.IsEnterpriseInstall).Select(i => i.TeamId).Take(2).ToListAsync(context.CancellationToken);
        return teams.Count == 1 ? teams[0] : null;
    }
}

internal static class UserLinks
{
    public static void Unlink(this User user, ChatChannel channel)
    {
        if (channel == ChatChannel.Teams)
            user.UnlinkTeams();
        else
            user.UnlinkSlack();
    }
}
