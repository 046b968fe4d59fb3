using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>The live customer (not erased, not merged away) who has an e-mail address, normalised like every handle.</summary>
public sealed class CustomerEmailLookup(CrmDbContext db)
{
    /// <returns>The normalised address, or null when the text is no e-mail address.</returns>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || !IdentityNormalizer.LooksLikeEmail(raw.Trim()))
            return null;
        try
        {
            return IdentityNormalizer.Normalize(IdentityKind.Email, raw);
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }

    public async Task<Customer?> FindAsync(string normalisedEmail, CancellationToken ct) =>
        await (from h in db.CustomerIdentities.AsNoTracking()
               join c in db.Customers.AsNoTracking() on h.CustomerId equals c.Id
               where h.Kind == IdentityKind.Email && h.Value == normalisedEmail && c.ErasedAt == null && c.MergedIntoId == null
               select c).FirstOrDefaultAsync(ct);
}
