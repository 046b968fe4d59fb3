using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Inbox;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Satisfaction;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>
/// Tells people of a customer's satisfaction answer (the inbox's "satisfaction-told" channel), in their chat as they
/// prefer: the case's assignee (whoever resolved it when nobody is assigned) always; for a 1 or 2, at once, the manager
/// of that person's team (cases have a work group name but no group manager, so the team's manager stands in). Each is
/// one inbox item, so each goes out once: the card is written into the outbox in the save that audits the showing and
/// completes the item, and sent once that committed (a failed send is the outbox's to retry, ADR 0011); nobody to tell
/// completes the item with the reason.
/// </summary>
public sealed partial class SatisfactionAnswerPush(CrmDbContext db, DirectMessages messages, TimeProvider time, ILogger<SatisfactionAnswerPush> logger) : IInboxHandler
{
    public string Channel => SurveyInbox.AnswerChannel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await item.CompleteWithTurnAsync(db, cancellationToken);
        if (await SendAsync(item, cancellationToken) is { } reason)
        {
            var row = await db.InboxItems.SingleAsync(i => i.Id == item.Id, cancellationToken);
            row.CompleteUndone(reason, time.GetUtcNow());
            LogNotSent(logger, item.Kind, reason);
        }
        // The card commits with its audit and the item's completion, in the outbox; it leaves once that is stored.
        await db.SaveChangesAsync(CancellationToken.None);
        await messages.DeliverStagedAsync(cancellationToken);
    }

    private async Task<string?> SendAsync(ClaimedInboxItem item, CancellationToken ct)
    {
        if (!Guid.TryParse(item.Payload, out var id) || await db.SatisfactionSurveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } survey)
            return "NoSuchSurvey";
        var supportCase = await db.SupportCases.AsNoTracking().FirstAsync(c => c.Id == survey.CaseId, ct);
        var customerName = await db.Customers.AsNoTracking().Where(c => c.Id == supportCase.CustomerId).Select(c => c.DisplayName).FirstAsync(ct);
        var assigneeId = supportCase.AssignedTo ?? survey.ResolvedBy;
        var assignee = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == assigneeId, ct);
        var alert = item.Kind == SurveyInbox.ManagerKind;
        var recipientId = alert ? assignee?.ManagerId : assignee?.Id;
        var recipient = recipientId is { } rid ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == rid, ct) : null;
        if (recipient is not { IsActive: true })
            return alert ? "NoManager" : "NoAssignee";
        if (await PreferredChat.OfAsync(db, recipient, ct) is not { } channel)
            return "NoChatLink";
        var card = SatisfactionCards.Answer(survey, supportCase.Number, customerName, assignee?.DisplayName, alert, LocalizedText.LanguageFor(recipient.Locale));
        try
        {
            await messages.StageAsync(recipient, channel, OutgoingMessage.Show(card), ct);
        }
        catch (DirectMessageNotDeliveredException failure)
        {
            return failure.Message;
        }
        db.AuditEntries.Add(new AuditEntry(recipient.Id, AuditAction.ShownSatisfactionAnswer, survey.CustomerId, channel.ToString(), time.GetUtcNow(),
            CustomerField.Identity | CustomerField.Cases, alert ? "low-score alert" : "assignee notice"));
        LogSent(logger, item.Kind, channel);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Satisfaction answer told ({Kind}) in {Channel}")]
    private static partial void LogSent(ILogger logger, string kind, ChatChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Satisfaction answer not told ({Kind}): {Reason}")]
    private static partial void LogNotSent(ILogger logger, string kind, string reason);
}
