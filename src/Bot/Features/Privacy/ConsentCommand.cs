using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.State;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// Recording what a customer said about consent, from chat. Typed: "consent &lt;customer&gt; withdraw marketing email
/// [call] [2026-12-01]" / "consentimiento &lt;cliente&gt; retirar comercial correo [llamada] [01/12/2026]"; the customer
/// alone shows their privacy card, whose "Record a change" opens the form (Teams shows it here, Slack as a modal
/// through <see cref="ConsentChangeChatForm"/>). The form's "Record" and a valid typed change end in
/// <see cref="ConsentChangeRecording"/>; problems are answered in the user's language and nothing is recorded.
/// </summary>
public sealed class ConsentCommand(CustomerResolver resolver, ConsentChangeRecording recording, PrivacyPreferencesCommand privacy) : IChatCommand, ICardAction
{
    public static CommandSpec Spec { get; } = new("consent", ["consent"], ["consentimiento"]) { NamesCustomer = true };

    public static IReadOnlyList<string> ActionVerbs { get; } = [ConsentChangeCards.OpenVerb, ConsentChangeCards.RecordVerb];

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state) =>
        ChoiceDialog.Await(Spec.Verb, await RunAsync(context, argument)) ?? state;

    Task ICardAction.HandleAsync(TurnContext context) => context.Turn.Action?.Verb == ConsentChangeCards.RecordVerb ? RecordAsync(context) : OpenAsync(context);

    /// <returns>The customers offered in a choice card, in order, when the query named several.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typed = ConsentChangeReader.Split(argument);
        if (typed is null)
            return await privacy.RunAsync(context, argument); // the customer alone: their privacy card, with "Record a change"
        var (query, values) = typed.Value;
        if (query.Length == 0 && CustomerResolver.ChosenId(context) is null)
        {
            context.Say("Which customer? For example: consent maria@acme.es withdraw marketing email.",
                "¿Qué cliente? Por ejemplo: consentimiento maria@acme.es retirar comercial correo.");
            return [];
        }
        var (found, choices) = await resolver.ResolveAsync(context, query, Spec.Verb);
        if (found is null)
            return choices;
        if (!await recording.MayRecordAsync(context, found))
            return [];
        var (change, errors) = ConsentChangeReader.FromValues(values, recording.Today(context), context.Language, howRequired: false);
        if (change is null)
        {
            context.Say(context.Language.Pick($"Nothing was recorded. {string.Join(" ", errors.Values)} For example: consent {found.DisplayName} withdraw marketing email call.",
                $"No se registró nada. {string.Join(" ", errors.Values)} Por ejemplo: consentimiento {found.DisplayName} retirar comercial correo llamada."));
            return [];
        }
        await recording.RecordAsync(context, found, change);
        return [];
    }

    /// <summary>"Record a change" pressed in Teams: the form, for someone who may record for the customer.</summary>
    private async Task OpenAsync(TurnContext context)
    {
        if (CustomerResolver.ChosenId(context) is not { } id || await recording.CurrentAsync(context, id) is not { } customer
            || !await recording.MayRecordAsync(context, customer))
            return;
        context.Show(ConsentChangeCards.Form(customer, recording.Today(context), context.Language));
    }

    /// <summary>The form's "Record": checked again here (the customer as they are now, the user's access, every field).</summary>
    private async Task RecordAsync(TurnContext context)
    {
        if (CustomerResolver.ChosenId(context) is not { } id || await recording.CurrentAsync(context, id) is not { } customer
            || !await recording.MayRecordAsync(context, customer))
            return;
        var values = context.Turn.Action!.Values;
        var (change, errors) = ConsentChangeReader.FromValues(values, recording.Today(context), context.Language);
        if (change is null)
        {
            context.Show(ConsentChangeCards.Form(customer, recording.Today(context), context.Language, values, errors));
            return;
        }
        await recording.RecordAsync(context, customer, change);
    }
}
