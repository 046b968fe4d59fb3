using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// "amend" / "rectificar" (and "Amend" on a logged interaction's card) shows the log form filled in with the person's
/// last interaction (on Slack a modal, see <see cref="AmendLogChatForm"/>); saving it checks the fields as logging
/// does and stores the correction as a new current version, while the original stays on record marked as amended.
/// Only the author, only their last interaction, only within <see cref="LogCorrectionOptions.Window"/>
/// (<see cref="CorrectableInteractions"/>). Audited with both versions' ids. A second save of the same form (a double
/// press, another instance) finds the original already amended and says so: one correction, never two.
/// </summary>
public sealed class AmendLogActions(CorrectableInteractions correctable, LogFormValidator validator, CrmDbContext db, AuditTrail audit, TimeProvider time)
    : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("amend", ["amend"], ["rectificar"]);

    /// <summary>The "Amend" button on a logged interaction: the form for the interaction it names.</summary>
    public const string OpenVerb = "amendLog";

    public const string SaveVerb = "amendLogSave";

    public static IReadOnlyList<string> ActionVerbs { get; } = [OpenVerb, SaveVerb];

    public static bool RetriesAfterConflict(CardAction action) => action is { Verb: SaveVerb };

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        await OpenAsync(context, null);
        return state.Settled();
    }

    public Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        return action.Verb == SaveVerb ? SaveAsync(context, action) : OpenAsync(context, CorrectableInteractions.Named(action.Values));
    }

    private async Task OpenAsync(TurnContext context, InteractionId? named)
    {
        var target = await correctable.LoadAsync(context, named);
        if (target is not { Interaction: { } interaction, Customer: { } customer })
        {
            context.Say(target.Refusal!);
            return;
        }
        var zone = context.User.ResolveTimeZone();
        context.Show(LogCorrectionCards.AmendForm(customer, interaction, context.Language, zone, Dates.Today(time.GetUtcNow(), zone)));
    }

    private async Task SaveAsync(TurnContext context, CardAction action)
    {
        if (CorrectableInteractions.Named(action.Values) is not { } named)
        {
            context.Say("That form no longer names an interaction, so nothing was changed.", "Ese formulario ya no indica ninguna interacción, así que no se cambió nada.");
            return;
        }
        var target = await correctable.LoadAsync(context, named);
        if (target is not { Interaction: { } original, Customer: { } customer })
        {
            context.Say(target.Refusal!);
            return;
        }
        // The customer stays the one the interaction was with; a contact logged on the wrong customer is withdrawn and logged again.
        var input = LogForm.Input(action) with { Customer = customer.Id.Value.ToString() };
        var zone = context.User.ResolveTimeZone();
        var now = time.GetUtcNow();
        var decision = await validator.ValidateAsync(context.User, input, context.CancellationToken);
        if (decision.Entry is not { } entry)
        {
            context.Show(LogCorrectionCards.AmendForm(customer, original, context.Language, zone, Dates.Today(now, zone), input, decision.ErrorsIn(context.Language)));
            return;
        }
        // The same day keeps the time it happened; another day is placed as when logging one.
        var occurredAt = entry.OccurredOn is { } day && day != Dates.Today(original.OccurredAt, zone) ? entry.OccurredAt(now, zone) : original.OccurredAt;
        var chatChannel = context.Turn.Channel == ChatChannel.Slack ? InteractionChannel.Slack : InteractionChannel.Teams;
        var amendment = original.Amend(occurredAt, now, entry.Channel ?? entry.Kind.DefaultChannel(chatChannel), entry.Kind, entry.Summary,
            entry.Outcome, entry.FollowUp, zone);
        db.Interactions.Add(amendment);
        audit.Record(context, AuditAction.AmendedInteraction, customer.Id, CustomerField.Interactions,
            $"interaction {original.Id.Value} amended as {amendment.Id.Value}");
        context.Show(LogCorrectionCards.Amended(customer, amendment, context.Language, zone));
    }
}
