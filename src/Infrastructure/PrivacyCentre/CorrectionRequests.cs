using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>Who will answer a correction request and by when.</summary>
public sealed record CorrectionTicket(string AnsweredBy, DateOnly DueOn);

/// <summary>
/// A customer's request, in their own words, to correct their data: it becomes a follow-up for the account owner (or,
/// for a customer without one, the first privacy officer) due after the configured number of days — logged on the
/// Web channel, so the owner's chat, home page and digest show it like every promise to get back to a customer.
/// </summary>
public sealed class CorrectionRequests(CrmDbContext db, TimeProvider time)
{
    public const int MaxLength = 2000;

    public const string Prefix = "Correction requested by the customer in the privacy centre: ";

    /// <returns>Who answers and by when, or null when nobody can (no owner and no privacy officer).</returns>
    public async Task<CorrectionTicket?> FileAsync(CustomerId customerId, string request, int daysToAnswer, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == customerId, ct);
        var answerer = await AnswererAsync(customer.OwnerId, ct);
        if (answerer is null)
            return null;

        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(answerer.TimeZone);
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(daysToAnswer);
        var text = request.Trim();
        db.Interactions.Add(Interaction.Log(customerId, answerer.Id, now, now, InteractionChannel.Web, InteractionKind.Chat,
            Prefix + (text.Length > MaxLength ? text[..MaxLength] : text), null, due, zone));
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.RequestedCorrection, customerId, now));
        await db.SaveChangesAsync(ct);
        return new CorrectionTicket(answerer.DisplayName, due);
    }

    private async Task<User?> AnswererAsync(UserId? owner, CancellationToken ct) =>
        (owner is { } id ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.DeactivatedAt == null, ct) : null)
        ?? await db.Users.AsNoTracking().Where(u => u.Role == UserRole.PrivacyOfficer && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).FirstOrDefaultAsync(ct);
}
