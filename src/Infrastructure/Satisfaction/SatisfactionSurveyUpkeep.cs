using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Satisfaction;

/// <summary>
/// Queues a satisfaction survey in the same save (so the same transaction) as the change that resolves a case, from
/// whichever place resolves it (chat, card, API): the survey row, unique per case and resolution, and the inbox item
/// that e-mails it (<see cref="SurveyInbox.MailChannel"/>). A reopened case resolved again gets a new one.
/// </summary>
internal static class SatisfactionSurveyUpkeep
{
    private static readonly string Resolved = nameof(CaseStatus.Resolved);

    public static void Stage(CrmDbContext db)
    {
        var resolutions = db.ChangeTracker.Entries<CaseHistoryEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Change == CaseChange.StatusChanged && e.Entity.To == Resolved)
            .Select(e => e.Entity)
            .ToList();
        if (resolutions.Count == 0)
            return;
        var queued = db.ChangeTracker.Entries<SatisfactionSurvey>().Select(e => (e.Entity.CaseId, e.Entity.ResolutionSequence)).ToHashSet();
        foreach (var resolution in resolutions)
        {
            if (queued.Contains((resolution.CaseId, resolution.Sequence)))
                continue;
            var supportCase = db.ChangeTracker.Entries<SupportCase>().Select(e => e.Entity).FirstOrDefault(c => c.Id == resolution.CaseId);
            if (supportCase is null)
                continue;
            var survey = SatisfactionSurvey.Queue(supportCase.Id, supportCase.CustomerId, resolution.Sequence, resolution.By, resolution.At);
            db.Add(survey);
            db.InboxItems.Add(new InboxItem(SurveyInbox.MailChannel, SurveyInbox.MailKind, $"survey:{survey.Id:N}", survey.Id.ToString(), resolution.At));
        }
    }
}
