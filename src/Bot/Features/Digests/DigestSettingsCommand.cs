using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// "digest" / "resumen": a manager shows, sets or stops their digest. The time is read in the manager's own time
/// zone (their profile's), which is stored with the setting so the schedule follows daylight saving there.
/// </summary>
public sealed class DigestSettingsCommand(CrmDbContext db, TimeProvider time) : IChatCommand
{
    public static CommandSpec Spec { get; } = new("digest", ["digest"], ["resumen"]);

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        await RunAsync(context, argument);
        return state;
    }


    public async Task RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        if (context.User.Role != UserRole.Manager)
        {
            context.Say("Digests are for managers: they summarise the team that reports to you.",
                "Los resúmenes son para responsables de equipo: resumen la actividad de quienes dependen de ti.");
            return;
        }
        var current = context.Turn.Channel == ChatChannel.Slack ? DigestChannel.Slack : DigestChannel.Teams;
        var request = DigestRequest.Parse(argument, current);
        var existing = await db.DigestSubscriptions.FirstOrDefaultAsync(s => s.ManagerId == context.User.Id, context.CancellationToken);
        switch (request.Kind)
        {
            case DigestCommandKind.Show:
                context.Say(DigestCards.Setting(existing, context.User.TimeZone, language));
                return;
            case DigestCommandKind.Off:
                if (existing is not null)
                    db.DigestSubscriptions.Remove(existing);
                context.Say(existing is null ? "You had no digest." : "Done: no more digests.",
                    existing is null ? "No tenías ningún resumen." : "Hecho: no recibirás más resúmenes.");
                return;
            case DigestCommandKind.Invalid:
                context.Say(request.Problem!);
                return;
            default:
                if (existing is null)
                {
                    existing = DigestSubscription.Choose(context.User, request, time.GetUtcNow());
                    db.DigestSubscriptions.Add(existing);
                }
                else
                {
                    existing.Change(request, context.User.TimeZone, time.GetUtcNow());
                }
                context.Say(DigestCards.Setting(existing, context.User.TimeZone, language));
                return;
        }
    }
}
