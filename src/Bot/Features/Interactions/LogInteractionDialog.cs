using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// "log": which customer → what kind → summary → outcome → optional follow-up date, then the interaction is
/// stored. Each answer can be typed or given through the step's card; the position is persisted between turns.
/// </summary>
public sealed class LogInteractionDialog(CustomerResolver resolver, CustomerFinder finder, CrmDbContext db, AuditTrail audit, TimeProvider time) : IChatDialog
{
    public static string DialogName => Name;


    public const string Name = "log";

    private static class Steps
    {
        public const string Customer = "customer";
        public const string Kind = "kind";
        public const string Summary = "summary";
        public const string Outcome = "outcome";
        public const string FollowUp = "followUp";
    }

    public async Task<DialogState?> BeginAsync(TurnContext context, string? customerQuery)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayLogInteractions(context.User))
        {
            context.Say("Only reps, support agents and managers log customer interactions; your role manages ChatCrm, not customer records.",
                "Solo los comerciales, los agentes de soporte y los responsables registran interacciones; tu rol administra ChatCrm, no fichas de clientes.");
            return null;
        }
        var start = new DialogState(Name, Steps.Customer);
        if (string.IsNullOrWhiteSpace(customerQuery) && CustomerResolver.ChosenId(context) is null)
        {
            context.Show(LogDialogCards.AskCustomer(context.Language));
            return start;
        }
        return await ChooseCustomerAsync(context, start, customerQuery);
    }

    public async Task<DialogState?> ContinueAsync(TurnContext context, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var action = context.Turn.Action;
        var text = context.Turn.Text;
        if (action is not null && action.Verb != state.Step)
        {
            // A press on an earlier step's card (a double click, or an old card): never take it as this step's answer.
            context.Say("That card is from an earlier step. Here is where we are:", "Esa tarjeta es de un paso anterior. Estamos aquí:");
            context.Show(CurrentQuestion(state, context.Language));
            return state;
        }
        return state.Step switch
        {
            Steps.Customer => await ChooseCustomerAsync(context, state, text),
            Steps.Kind => AnswerKind(context, state, action?.Value("kind") ?? text),
            Steps.Summary => AnswerSummary(context, state, action?.Value(LogDialogCards.SummaryInput) ?? text),
            Steps.Outcome => AnswerOutcome(context, state, action is not null ? action.Value(LogDialogCards.OutcomeInput) : text),
            Steps.FollowUp => await AnswerFollowUpAsync(context, state, action is not null ? action.Value(LogDialogCards.FollowUpInput) : text),
            _ => Restart(context),
        };
    }

    private async Task<DialogState?> ChooseCustomerAsync(TurnContext context, DialogState state, string? text)
    {
        var (customer, choices) = await resolver.ResolveAsync(context, text, CustomerVerbs.Log);
        if (customer is null)
        {
            // The resolver has answered the user; remember a choice list so that typing "2" picks the second.
            return state with { Step = Steps.Customer, Candidates = choices };
        }

        context.Show(LogDialogCards.AskKind(customer.DisplayName, context.Language));
        return state with { Step = Steps.Kind, CustomerId = customer.Id.Value, CustomerName = customer.DisplayName, Candidates = [] };
    }

    private static DialogState AnswerKind(TurnContext context, DialogState state, string? answer)
    {
        if (AnswerParsers.Kind(answer) is not { } kind)
        {
            context.Say("Please choose one of: call, visit, meeting, email or chat.", "Elige una: llamada, visita, reunión, correo o chat.");
            context.Show(LogDialogCards.AskKind(state.CustomerName!, context.Language));
            return state;
        }
        context.Show(LogDialogCards.AskSummary(state.CustomerName!, context.Language));
        return state with { Step = Steps.Summary, Kind = kind.ToString() };
    }

    private static DialogState AnswerSummary(TurnContext context, DialogState state, string? answer)
    {
        var summary = answer?.Trim() ?? string.Empty;
        if (summary.Length == 0)
        {
            context.Say("The summary cannot be empty. What was the conversation about?", "El resumen no puede estar vacío. ¿De qué trató la conversación?");
            return state;
        }
        if (summary.Length > Interaction.MaxSummaryLength)
        {
            context.Say($"That summary is {summary.Length:N0} characters long; the limit is {Interaction.MaxSummaryLength:N0}. Please send a shorter one.",
                $"Ese resumen tiene {summary.Length} caracteres; el límite es {Interaction.MaxSummaryLength}. Envía uno más corto.");
            return state;
        }
        context.Show(LogDialogCards.AskOutcome(state.CustomerName!, context.Language));
        return state with { Step = Steps.Outcome, Summary = summary };
    }

    private static DialogState AnswerOutcome(TurnContext context, DialogState state, string? answer)
    {
        var skipped = context.Turn.Action?.Value("skip") is not null || AnswerParsers.MeansNothing(answer);
        var outcome = skipped ? null : answer!.Trim();
        if (outcome is { Length: > Interaction.MaxOutcomeLength })
        {
            context.Say($"That outcome is {outcome.Length:N0} characters long; the limit is {Interaction.MaxOutcomeLength:N0}. Please send a shorter one.",
                $"Ese resultado tiene {outcome.Length} caracteres; el límite es {Interaction.MaxOutcomeLength}. Envía uno más corto.");
            return state;
        }
        context.Show(LogDialogCards.AskFollowUp(state.CustomerName!, context.Language));
        return state with { Step = Steps.FollowUp, Outcome = outcome };
    }

    private async Task<DialogState?> AnswerFollowUpAsync(TurnContext context, DialogState state, string? answer)
    {
        var now = time.GetUtcNow();
        var zone = context.User.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly? followUp = null;
        var none = context.Turn.Action?.Value("none") is not null || AnswerParsers.MeansNothing(answer);
        if (!none)
        {
            followUp = AnswerParsers.Date(answer, today);
            if (followUp is null)
            {
                context.Say("I couldn't read that date. Type it as 2026-12-01 or 01/12/2026, \"tomorrow\", \"in 3 days\", or \"no\" for no follow-up.",
                    "No entiendo esa fecha. Escríbela como 2026-12-01 o 01/12/2026, «mañana», «en 3 días», o «no» si no hay seguimiento.");
                return state;
            }
        }

        var customer = await finder.GetAsync(new CustomerId(state.CustomerId!.Value), context.CancellationToken);
        if (customer is null)
        {
            context.Say("That customer no longer exists, so nothing was logged. Type \"log\" to start again.", "Ese cliente ya no existe, así que no se ha registrado nada. Escribe «registrar» para empezar de nuevo.");
            return null;
        }

        var kind = Enum.Parse<InteractionKind>(state.Kind!);
        var chatChannel = context.Turn.Channel == ChatChannel.Slack ? InteractionChannel.Slack : InteractionChannel.Teams;
        Interaction interaction;
        try
        {
            interaction = Interaction.Log(customer.Id, context.User.Id, now, now, kind.DefaultChannel(chatChannel), kind,
                state.Summary!, state.Outcome, followUp, zone);
        }
        catch (DomainRuleException)
        {
            context.Say("The follow-up date cannot be before the interaction itself. Please give another date, or \"no\".",
                "La fecha de seguimiento no puede ser anterior a la interacción. Indica otra fecha, o «no».");
            return state;
        }

        db.Interactions.Add(interaction);
        audit.Record(context, AuditAction.LoggedInteraction, customer.Id, CustomerField.Interactions);
        context.Show(InteractionCards.Logged(customer, interaction, context.Language, zone));
        return null;
    }

    private static Card CurrentQuestion(DialogState state, LanguageCode language) => state.Step switch
    {
        Steps.Kind => LogDialogCards.AskKind(state.CustomerName!, language),
        Steps.Summary => LogDialogCards.AskSummary(state.CustomerName!, language),
        Steps.Outcome => LogDialogCards.AskOutcome(state.CustomerName!, language),
        Steps.FollowUp => LogDialogCards.AskFollowUp(state.CustomerName!, language),
        _ => LogDialogCards.AskCustomer(language),
    };

    private static DialogState? Restart(TurnContext context)
    {
        context.Say("I lost track of that dialog. Type \"log\" to start again.", "He perdido el hilo de ese diálogo. Escribe «registrar» para empezar de nuevo.");
        return null;
    }
}
