using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Domain.Access;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// "New customer" as a form (<see cref="NewCustomerCards.Form"/>; on Slack a modal): opened by "new customer" /
/// "nuevo cliente" and by the button on "No customer found", for those who may add customers, and checked by
/// <see cref="NewCustomerEntry"/> — the same check the create runs — with each problem under its field. A valid
/// submission becomes the form's Create press, answered in the person's direct conversation (where likely duplicates
/// are offered before anything is created).
/// </summary>
public sealed class NewCustomerChatForm(NewCustomerEntry entry) : IChatForm
{
    public const string FormName = "customer-new";

    public string Name => FormName;

    public string GeneralField => NewCustomerCards.Name;

    public string? OpenVerb => CustomerVerbs.NewCustomer;

    public IReadOnlyDictionary<string, string>? ArgumentsFor(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb == NewCustomerActions.Spec.Verb && NewCustomerActions.AsksForCustomer(command.Argument, out var rest)
            ? NewCustomerActions.Prefill(rest).ToData()
            : null;
    }

    public string? RefusalFor(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CustomerUpkeepPolicy.CreateRefusal(context.User) is { } why
            ? context.Language.Pick($"I can't add customers for you: {why.English}.", $"No puedo añadir clientes por ti: {why.Spanish}.")
            : null;
    }

    public Task<ChatFormView?> OpenAsync(TurnContext context, IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.FromResult(CustomerUpkeepPolicy.MayCreate(context.User)
            ? new ChatFormView(NewCustomerCards.Form(NewCustomerValues.Of(arguments), CustomerUpkeepPolicy.ChoosesOwner(context.User), context.Language))
            {
                Fallback = "new customer",
            }
            : null);
    }

    public async Task<ChatFormOutcome> SubmitAsync(TurnContext context, IReadOnlyDictionary<string, string> values, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        if (RefusalFor(context) is { } refusal)
            return ChatFormOutcome.Invalid(GeneralField, refusal);
        var check = await entry.CheckAsync(context, NewCustomerValues.Of(values));
        return check.IsValid ? ChatFormOutcome.Act(NewCustomerActions.SaveVerb, values) : ChatFormOutcome.Invalid(check.Errors);
    }
}
