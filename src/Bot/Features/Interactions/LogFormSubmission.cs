using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// The log form: shown as one card (Teams) and stored when submitted (the card's button, or a Slack modal validated
/// when it was sent). The checks run again here, because time has passed (the customer may have been erased, the
/// day may have turned) and because a card action's values come from the client: nothing is stored on the strength
/// of an earlier check alone. A card form carries its <see cref="LogForm.FormId"/>: the first submission stores it
/// with the interaction (the database keeps one row per id), and any later one answers with the same confirmation
/// instead of logging again. Audited like the dialog.
/// </summary>
public sealed class LogFormSubmission(LogFormValidator validator, CustomerFinder finder, CrmDbContext db, AuditTrail audit, TimeProvider time) : ICardAction
{
    /// <summary>A whole log form, checked when submitted: stored at once; a dialog in progress is left as it was.</summary>
    public static IReadOnlyList<string> ActionVerbs { get; } = [LogForm.SubmitVerb, LogForm.OpenVerb];

    /// <summary>A second press of one form (another instance, a double tap) finds the stored form and confirms it.</summary>
    public static bool RetriesAfterConflict(CardAction action) =>
        action is { Verb: LogForm.SubmitVerb } && action.Value(LogForm.FormId) is not null;

    Task ICardAction.HandleAsync(TurnContext context) =>
        context?.Turn.Action?.Verb == LogForm.OpenVerb ? OpenAsync(context, null) : SubmitAsync(context!);


    /// <summary>Shows a new, empty form; for the customer named by the pressed button when there is one.</summary>
    public async Task OpenAsync(TurnContext context, string? customerText)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayLogInteractions(context.User))
        {
            context.Say("Only reps, support agents and managers log customer interactions; your role manages ChatCrm, not customer records.",
                "Solo los comerciales, los agentes de soporte y los responsables registran interacciones; tu rol administra ChatCrm, no fichas de clientes.");
            return;
        }
        var customer = CustomerResolver.ChosenId(context) is { } id ? await finder.GetAsync(id, context.CancellationToken) : null;
        var values = string.IsNullOrWhiteSpace(customerText) ? null : new LogFormInput(customerText.Trim(), null, null, null, null);
        context.Show(LogFormCards.Form(context.Language, Guid.NewGuid(), Today(context), customer, values));
    }

    public async Task SubmitAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action;
        var formId = Guid.TryParse(action?.Value(LogForm.FormId), out var parsed) ? parsed : (Guid?)null;
        if (formId is { } id && await AlreadyStoredAsync(context, id))
            return;

        var input = LogForm.Input(action);
        var decision = await validator.ValidateAsync(context.User, input, context.CancellationToken);
        if (decision.Entry is not { } entry)
        {
            var errors = decision.ErrorsIn(context.Language);
            if (formId is { } sameForm)
            {
                // The same form again, with what was typed and a message under each wrong field.
                var fixedCustomer = Guid.TryParse(input.Customer, out var customerId) ? await finder.GetAsync(new CustomerId(customerId), context.CancellationToken) : null;
                context.Show(LogFormCards.Form(context.Language, sameForm, Today(context), fixedCustomer, input, errors));
                return;
            }
            context.Say("Nothing was logged: " + string.Join(" ", errors.Values) + " Type \"log\" to start again.",
                "No se ha registrado nada: " + string.Join(" ", errors.Values) + " Escribe «registrar» para empezar de nuevo.");
            return;
        }
        var customer = await finder.GetAsync(entry.CustomerId, context.CancellationToken);
        if (customer is null)
        {
            context.Say("That customer no longer exists, so nothing was logged.", "Ese cliente ya no existe, así que no se ha registrado nada.");
            return;
        }
        var now = time.GetUtcNow();
        var zone = context.User.ResolveTimeZone();
        var chatChannel = context.Turn.Channel == ChatChannel.Slack ? InteractionChannel.Slack : InteractionChannel.Teams;
        var interaction = Interaction.Log(customer.Id, context.User.Id, entry.OccurredAt(now, zone), now, entry.Channel ?? entry.Kind.DefaultChannel(chatChannel),
            entry.Kind, entry.Summary, entry.Outcome, entry.FollowUp, zone);
        db.Interactions.Add(interaction);
        if (formId is { } newForm)
            db.SubmittedForms.Add(new SubmittedFormRecord(newForm, interaction.Id, context.User.Id, now));
        audit.Record(context, AuditAction.LoggedInteraction, customer.Id, CustomerField.Interactions);
        context.Show(InteractionCards.Logged(customer, interaction, context.Language, zone));
    }

    /// <summary>A form stored before (a second press, a retry, another instance): its confirmation again, nothing logged.</summary>
    private async Task<bool> AlreadyStoredAsync(TurnContext context, Guid formId)
    {
        var stored = await db.SubmittedForms.AsNoTracking().FirstOrDefaultAsync(f => f.FormId == formId, context.CancellationToken);
        if (stored is null)
            return false;
        if (stored.SubmittedBy != context.User.Id)
        {
            // Someone else's form (a shared chat): say it is done, show nothing of it.
            context.Say("That form was already logged by someone else.", "Otra persona ya registró ese formulario.");
            return true;
        }
        var interaction = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == stored.InteractionId, context.CancellationToken);
        var customer = interaction is null ? null : await finder.GetAsync(interaction.CustomerId, context.CancellationToken);
        if (interaction is null || customer is null)
            context.Say("That form was already logged.", "Ese formulario ya se registró.");
        else
            context.Show(InteractionCards.Logged(customer, interaction, context.Language, context.User.ResolveTimeZone()));
        return true;
    }

    private DateOnly Today(TurnContext context) => Dates.Today(time.GetUtcNow(), context.User.ResolveTimeZone());
}
