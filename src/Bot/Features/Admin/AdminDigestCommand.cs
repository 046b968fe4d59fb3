using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// "admin digest &lt;manager&gt; daily|weekly [day] HH:MM [teams|slack]" or "… off": sets a manager's digest for them, read
/// by the same <see cref="DigestRequest"/> parser as the manager's own "digest" command and stored as the same
/// <see cref="DigestSubscription"/>, in the manager's time zone. "admin digest &lt;manager&gt;" alone shows the setting.
/// </summary>
public sealed class AdminDigestCommand(CrmDbContext db, AdminUserFinder users, AuditTrail audit, TimeProvider time)
{
    /// <summary>The words that start a digest setting; what comes before them is the manager.</summary>
    private static readonly HashSet<string> SettingWords = new(StringComparer.Ordinal)
    {
        "daily", "diario", "diaria", "cada", "weekly", "semanal", "semana",
        "off", "stop", "none", "desactivar", "apagar", "ninguno", "no",
    };

    public async Task RunAsync(TurnContext context, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(words);
        var split = words.ToList().FindIndex(w => SettingWords.Contains(SearchText.Fold(w)));
        var managerWords = split < 0 ? words : words.Take(split).ToList();
        if (managerWords.Count == 0)
        {
            context.Say(AdminCards.DigestUsage);
            return;
        }
        var match = await users.FindAsync(string.Join(' ', managerWords), context.CancellationToken);
        if (match.Only is not { } manager)
        {
            context.Say(match.Users.Count == 0
                ? new LocalizedText($"No ChatCrm user is called or has the e-mail \"{string.Join(' ', managerWords)}\".",
                    $"Ningún usuario de ChatCrm se llama ni tiene el e-mail \"{string.Join(' ', managerWords)}\".")
                : new LocalizedText($"Several users match: {string.Join(", ", match.Users.Select(u => u.DisplayName))}. Give the manager's work e-mail instead.",
                    $"Coinciden varios usuarios: {string.Join(", ", match.Users.Select(u => u.DisplayName))}. Indica mejor el e-mail de trabajo del responsable."));
            return;
        }
        if (manager.Role != UserRole.Manager)
        {
            context.Say(new LocalizedText($"{manager.DisplayName} is not a manager: digests summarise the team that reports to a manager.",
                $"{manager.DisplayName} no es responsable de equipo: los resúmenes resumen la actividad de quienes dependen de un responsable."));
            return;
        }

        var current = context.Turn.Channel == ChatChannel.Slack ? DigestChannel.Slack : DigestChannel.Teams;
        var request = DigestRequest.Parse(split < 0 ? null : string.Join(' ', words.Skip(split)), current);
        var existing = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.ManagerId == manager.Id, context.CancellationToken);
        var now = time.GetUtcNow();
        var before = Describe(existing);
        switch (request.Kind)
        {
            case DigestCommandKind.Show:
                context.Say(AdminCards.DigestSetting(manager, existing, now, context.User.ResolveTimeZone(), context.Language));
                return;
            case DigestCommandKind.Invalid:
                context.Say(request.Problem!);
                return;
            case DigestCommandKind.Off:
                if (existing is not null)
                    db.DigestSubscriptions.Remove(existing);
                audit.Record(context, AuditAction.ChangedDigestSchedule, $"manager {manager.Id}: {before} -> none");
                context.Say(AdminCards.DigestSetting(manager, null, now, context.User.ResolveTimeZone(), context.Language));
                return;
            default:
                if (existing is null)
                {
                    existing = DigestSubscription.Choose(manager, request, now);
                    db.DigestSubscriptions.Add(existing);
                }
                else
                {
                    existing.Change(request, manager.TimeZone, now);
                }
                audit.Record(context, AuditAction.ChangedDigestSchedule, $"manager {manager.Id}: {before} -> {Describe(existing)}");
                context.Say(AdminCards.DigestSetting(manager, existing, now, context.User.ResolveTimeZone(), context.Language));
                return;
        }
    }

    /// <summary>The setting for the audit trail: "weekly Monday 09:00 Slack Europe/Madrid", or "none".</summary>
    private static string Describe(DigestSubscription? subscription) => subscription is null
        ? "none"
        : $"{subscription.Frequency.ToString().ToLowerInvariant()}{(subscription.Day is { } day ? " " + day : string.Empty)} "
          + $"{subscription.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {subscription.Channel} {subscription.TimeZone}";
}
