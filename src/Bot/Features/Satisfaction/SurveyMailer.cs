using ChatCrm.Bot.Inbox;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Mail;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using ChatCrm.Infrastructure.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>
/// E-mails the survey a resolution queued (the inbox's "satisfaction" channel), after the turn that resolved the case
/// has answered, on whichever instance claims it. A service message: the consent rule is asked about service by
/// e-mail, and a customer who withdrew it, or has no e-mail, gets nothing — the case history says why. A mail server
/// that fails throws, so the inbox retries; a survey no longer pending (sent, skipped) is left as it is.
/// </summary>
public sealed partial class SurveyMailer(CrmDbContext db, ConsentSubjectReader consents, SmtpMailer mailer, IOptions<SatisfactionOptions> options,
    TimeProvider time, ILogger<SurveyMailer> logger) : IInboxHandler
{
    public string Channel => SurveyInbox.MailChannel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!Guid.TryParse(item.Payload, out var id)
            || await db.SatisfactionSurveys.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { Status: SurveyStatus.Pending } survey)
            return;
        var supportCase = await db.SupportCases.Include(c => c.History).FirstAsync(c => c.Id == survey.CaseId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == supportCase.CustomerId, cancellationToken);
        var now = time.GetUtcNow();
        var reason = await SendAsync(survey, customer, supportCase.Number, now, cancellationToken);
        var outcome = reason is { } notSent ? notSent.ToString() : "Sent";
        if (reason is { } skipped)
        {
            survey.MarkNotSent(skipped);
            // A customer-side reason is the case's story; a ChatCrm without e-mail set up is the operator's (logged), not the case's.
            if (skipped != SurveyNotSentReason.NotConfigured)
                supportCase.RecordSurveyNotSent(outcome, survey.ResolvedBy, now);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        LogOutcome(logger, outcome);
    }

    /// <returns>Why the survey is not sent; null once it went out (marked sent and audited, to be saved).</returns>
    private async Task<SurveyNotSentReason?> SendAsync(SatisfactionSurvey survey, Customer customer, string caseNumber, DateTimeOffset now, CancellationToken ct)
    {
        if (customer.ErasedAt is not null || customer.MergedIntoId is not null)
            return SurveyNotSentReason.CustomerGone;
        var settings = options.Value;
        if (!mailer.IsConfigured || settings.PublicBaseUrl is null)
            return SurveyNotSentReason.NotConfigured;
        var email = await db.CustomerIdentities.AsNoTracking().Where(h => h.CustomerId == customer.Id && h.Kind == IdentityKind.Email)
            .OrderBy(h => h.Value).Select(h => h.Value).FirstOrDefaultAsync(ct);
        if (email is null)
            return SurveyNotSentReason.NoEmail;
        var subject = await consents.ReadAsync(customer, now, ct);
        if (!ConsentRules.Evaluate(subject, new Outreach(ConsentPurpose.Service, ContactChannel.Email)).Allowed)
            return SurveyNotSentReason.NoConsent;

        // The link is stored before the mail leaves, so it works the moment the mail arrives.
        var token = SecretToken.New();
        survey.Issue(SecretToken.Hash(token), now, settings.LinkLifetime);
        await db.SaveChangesAsync(ct);
        var link = new Uri(settings.PublicBaseUrl, $"{SatisfactionRoutes.Root}/{token}");
        await mailer.SendAsync(SurveyMail.Compose(email, link, caseNumber, customer.PreferredLanguage, (int)settings.LinkLifetime.TotalDays), ct);
        survey.MarkSent(now);
        db.AuditEntries.Add(new AuditEntry(survey.ResolvedBy, AuditAction.SentSatisfactionSurvey, customer.Id, "Email", now, CustomerField.BasicContact,
            $"case {caseNumber}"));
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Satisfaction survey: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string outcome);
}
