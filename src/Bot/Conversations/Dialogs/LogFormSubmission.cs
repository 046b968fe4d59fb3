using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Conversations.Dialogs;

/// <summary>
/// Stores a log form that was validated when it was submitted (a Slack modal). The checks run again here, because
/// time has passed (the customer may have been erased, the day may have turned) and because a card action's values
/// come from the client: nothing is stored on the strength of an earlier check alone. Audited like the dialog.
/// </summary>
public sealed class LogFormSubmission(LogFormValidator validator, CustomerFinder finder, CrmDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task SubmitAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = context.Turn.Action;
        var input = new LogFormInput(action?.Value(LogForm.Customer), action?.Value(LogForm.Kind), action?.Value(LogForm.Summary),
            action?.Value(LogForm.Outcome), action?.Value(LogForm.FollowUp));
        var decision = await validator.ValidateAsync(context.User, input, context.CancellationToken);
        if (decision.Entry is not { } entry)
        {
            context.Say("Nothing was logged: " + string.Join(" ", decision.Errors.Values) + " Type \"log\" to start again.");
            return;
        }
        var customer = await finder.GetAsync(entry.CustomerId, context.CancellationToken);
        if (customer is null)
        {
            context.Say("That customer no longer exists, so nothing was logged.");
            return;
        }
        var now = time.GetUtcNow();
        var chatChannel = context.Turn.Channel == ChatChannel.Slack ? InteractionChannel.Slack : InteractionChannel.Teams;
        var interaction = Interaction.Log(customer.Id, context.User.Id, now, now, entry.Kind.DefaultChannel(chatChannel), entry.Kind,
            entry.Summary, entry.Outcome, entry.FollowUp, context.User.ResolveTimeZone());
        db.Interactions.Add(interaction);
        audit.Record(context, AuditAction.LoggedInteraction, customer.Id, CustomerField.Interactions);
        context.Show(InteractionCards.Logged(customer, interaction));
    }
}
