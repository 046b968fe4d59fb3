using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Satisfaction;

/// <summary>What a survey link leads to.</summary>
public enum SurveyLinkState
{
    /// <summary>Unknown, never sent, or expired.</summary>
    NotValid,

    /// <summary>Answered already: a second answer is refused.</summary>
    Answered,

    Open,
}

/// <summary>A survey as its page shows it: which case it asks about.</summary>
public sealed record SurveyPageFacts(SurveyLinkState State, string? CaseNumber, string? CaseTitle, Domain.Common.LanguageCode? Language);

/// <summary>
/// Finds survey links by their token (whose hash alone is stored) and records answers. An answer lands in one save with
/// everything it causes: the survey, the case history, the pushes to the assignee (and, for a 1 or 2, to the manager)
/// and the audit entry. The survey's version makes a second submission lose, on one instance or two.
/// </summary>
public sealed class SatisfactionSurveyStore(CrmDbContext db, TimeProvider time)
{
    public async Task<SurveyPageFacts> LookAsync(string? token, CancellationToken ct)
    {
        if (await FindAsync(token, tracked: false, ct) is not { } survey)
            return new SurveyPageFacts(SurveyLinkState.NotValid, null, null, null);
        var state = StateOf(survey, time.GetUtcNow());
        if (state != SurveyLinkState.Open)
            return new SurveyPageFacts(state, null, null, null);
        var facts = await db.SupportCases.AsNoTracking().Where(c => c.Id == survey.CaseId)
            .Join(db.Customers, c => c.CustomerId, customer => customer.Id, (c, customer) => new { c.Number, c.Title, customer.PreferredLanguage })
            .FirstAsync(ct);
        return new SurveyPageFacts(state, facts.Number, facts.Title, facts.PreferredLanguage);
    }

    /// <returns>The link's state once the answer was tried: <see cref="SurveyLinkState.Answered"/> when this answer was recorded
    /// (<paramref name="recorded"/> true) or an earlier one was; <see cref="SurveyLinkState.NotValid"/> when the link works no more.</returns>
    public async Task<(SurveyLinkState State, bool Recorded)> AnswerAsync(string? token, SatisfactionAnswer answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var now = time.GetUtcNow();
        if (await FindAsync(token, tracked: true, ct) is not { } survey)
            return (SurveyLinkState.NotValid, false);
        var state = StateOf(survey, now);
        if (state != SurveyLinkState.Open)
            return (state, false);
        var supportCase = await db.SupportCases.Include(c => c.History).FirstAsync(c => c.Id == survey.CaseId, ct);
        survey.Answer(answer, now);
        supportCase.RecordSatisfaction(answer.Score, answer.Comment, survey.ResolvedBy, now);
        var payload = survey.Id.ToString();
        db.InboxItems.Add(new InboxItem(SurveyInbox.AnswerChannel, SurveyInbox.AssigneeKind, $"told:{survey.Id:N}", payload, now));
        if (answer.IsLow)
            db.InboxItems.Add(new InboxItem(SurveyInbox.AnswerChannel, SurveyInbox.ManagerKind, $"alert:{survey.Id:N}", payload, now));
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.AnsweredSatisfactionSurvey, survey.CustomerId, now, details: $"case {supportCase.Number}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another submission of the same link (or a change to the case) came first: nothing of this one was stored.
            db.ChangeTracker.Clear();
            return (await FindAsync(token, tracked: false, ct) is { } again ? StateOf(again, now) : SurveyLinkState.NotValid, false);
        }
        return (SurveyLinkState.Answered, true);
    }

    private static SurveyLinkState StateOf(SatisfactionSurvey survey, DateTimeOffset now) =>
        survey.Status == SurveyStatus.Answered ? SurveyLinkState.Answered
        : survey.OpensAt(now) ? SurveyLinkState.Open
        : SurveyLinkState.NotValid;

    private async Task<SatisfactionSurvey?> FindAsync(string? token, bool tracked, CancellationToken ct)
    {
        if (!SecretToken.LooksValid(token))
            return null;
        var hash = SecretToken.Hash(token!);
        var query = tracked ? db.SatisfactionSurveys : db.SatisfactionSurveys.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.TokenHash == hash, ct);
    }
}
