using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// "withdraw" / "anular" (and "Withdraw" on a logged interaction's card) shows the person's last interaction and asks
/// to confirm; "Withdraw it" takes it back: it counts nowhere from then on and stays on record as withdrawn. Same
/// rules as amending (<see cref="CorrectableInteractions"/>); audited. A second press finds it withdrawn and says so.
/// </summary>
public sealed class WithdrawLogActions(CorrectableInteractions correctable, AuditTrail audit, TimeProvider time) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("withdraw", ["withdraw"], ["anular"]);

    /// <summary>The "Withdraw" button on a logged interaction: the confirmation for the interaction it names.</summary>
    public const string AskVerb = "withdrawLog";

    public const string ConfirmVerb = "withdrawLogConfirm";

    public static IReadOnlyList<string> ActionVerbs { get; } = [AskVerb, ConfirmVerb];

    public static bool RetriesAfterConflict(CardAction action) => action is { Verb: ConfirmVerb };

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AskAsync(context, null);
        return state.Settled();
    }

    public Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action!;
        var named = CorrectableInteractions.Named(action.Values);
        return action.Verb == ConfirmVerb ? WithdrawAsync(context, named) : AskAsync(context, named);
    }

    private async Task AskAsync(TurnContext context, InteractionId? named)
    {
        var target = await correctable.LoadAsync(context, named);
        if (target is not { Interaction: { } interaction, Customer: { } customer })
        {
            context.Say(target.Refusal!);
            return;
        }
        context.Show(LogCorrectionCards.ConfirmWithdraw(customer, interaction, context.Language, context.User.ResolveTimeZone()));
    }

    private async Task WithdrawAsync(TurnContext context, InteractionId? named)
    {
        if (named is null)
        {
            context.Say("That button no longer names an interaction, so nothing was withdrawn.", "Ese botón ya no indica ninguna interacción, así que no se anuló nada.");
            return;
        }
        var target = await correctable.LoadAsync(context, named);
        if (target is not { Interaction: { } interaction, Customer: { } customer })
        {
            context.Say(target.Refusal!);
            return;
        }
        interaction.Withdraw(time.GetUtcNow());
        audit.Record(context, AuditAction.WithdrewInteraction, customer.Id, CustomerField.Interactions, $"interaction {interaction.Id.Value} withdrawn");
        context.Show(LogCorrectionCards.Withdrawn(customer, interaction, context.Language, context.User.ResolveTimeZone()));
    }
}
