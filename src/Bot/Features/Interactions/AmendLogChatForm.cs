using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// Amending one's last interaction as a form (<see cref="LogCorrectionCards.AmendForm"/>; on Slack a modal): opened by
/// "amend" or by "Amend" on a logged interaction when the person may amend it (otherwise the conversation answers
/// why). It carries the interaction's id as its state and checks a submission as logging does, each problem under its
/// field; a valid one becomes the Save press (<see cref="AmendLogActions"/>), which checks who may once more.
/// </summary>
public sealed class AmendLogChatForm(CorrectableInteractions correctable, LogFormValidator validator, TimeProvider time) : IChatForm
{
    public const string FormName = "log-amend";

    public string Name => FormName;

    public string GeneralField => LogForm.Summary;

    public string? OpenVerb => AmendLogActions.OpenVerb;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb == AmendLogActions.Spec.Verb ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
    }

    public async Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = await correctable.LoadAsync(context, CorrectableInteractions.Named(arguments));
        if (target is not { Interaction: { } interaction, Customer: { } customer })
            return null;
        var zone = context.User.ResolveTimeZone();
        return new ChatFormView(LogCorrectionCards.AmendForm(customer, interaction, context.Language, zone, Dates.Today(time.GetUtcNow(), zone)),
            interaction.Id.Value.ToString())
        {
            Fallback = AmendLogActions.Spec.Verb,
        };
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var named = Guid.TryParse(state, out var id) ? new Domain.Interactions.InteractionId(id) : (Domain.Interactions.InteractionId?)null;
        var target = await correctable.LoadAsync(context, named);
        if (target is not { Interaction: { } interaction, Customer: { } customer })
            return ChatFormOutcome.Invalid(GeneralField, target.Refusal!.In(context.Language));
        var input = LogForm.Input(values) with { Customer = customer.Id.Value.ToString() };
        var decision = await validator.ValidateAsync(context.User, input, context.CancellationToken);
        if (decision.Entry is null)
            return ChatFormOutcome.Invalid(decision.ErrorsIn(context.Language));
        var carried = new Dictionary<string, string>(values, StringComparer.Ordinal)
        {
            [LogForm.Customer] = customer.Id.Value.ToString(),
            [CorrectableInteractions.InteractionIdKey] = interaction.Id.Value.ToString(),
        };
        return ChatFormOutcome.Act(AmendLogActions.SaveVerb, carried);
    }
}
