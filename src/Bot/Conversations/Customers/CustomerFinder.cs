using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>
/// Finds a customer from what a person types: an e-mail, a phone number, or words of the name and company.
/// Matching ignores case and accents ("nunez" finds "Núñez"); every word must appear in the name or the company.
/// </summary>
public sealed class CustomerFinder(CrmDbContext db)
{
    public const int MaxQueryLength = 200;
    public const int MaxCandidates = 5;

    public async Task<CustomerSearchResult> FindAsync(string query, string? locale, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        if (text.Length == 0)
            return new CustomerSearchResult.Invalid("Tell me who: part of the name, the company, an e-mail or a phone number.");
        if (text.Length > MaxQueryLength)
            return new CustomerSearchResult.Invalid($"That search is {text.Length} characters long; keep it under {MaxQueryLength}.");

        if (IdentityNormalizer.LooksLikeEmail(text))
            return await ByIdentityAsync(IdentityKind.Email, text.ToLowerInvariant(), text, cancellationToken);

        if (LooksLikePhone(text))
        {
            var phone = IdentityNormalizer.NormalizePhone(text, RegionOf(locale));
            return phone is null
                ? new CustomerSearchResult.Invalid($"'{text}' does not read as a phone number; include the country code, e.g. +34 600 123 456.")
                : await ByIdentityAsync(IdentityKind.Phone, phone, text, cancellationToken);
        }

        return await ByNameAsync(text, cancellationToken);
    }

    public async Task<Customer?> GetAsync(CustomerId id, CancellationToken cancellationToken) =>
        await Customers().FirstOrDefaultAsync(c => c.Id == id && c.ErasedAt == null, cancellationToken);

    /// <summary>Customers as read for a conversation: with their handles, untracked (no turn changes a customer).</summary>
    private IQueryable<Customer> Customers() => db.Customers.AsNoTracking().Include(c => c.Identities);

    private async Task<CustomerSearchResult> ByIdentityAsync(IdentityKind kind, string value, string query, CancellationToken cancellationToken)
    {
        var customer = await Customers()
            .FirstOrDefaultAsync(c => c.Identities.Any(i => i.Kind == kind && i.Value == value), cancellationToken);
        return customer is null ? new CustomerSearchResult.NotFound(query) : new CustomerSearchResult.Found(customer);
    }

    private async Task<CustomerSearchResult> ByNameAsync(string query, CancellationToken cancellationToken)
    {
        var terms = SearchText.Terms(query);
        if (terms.Count == 0)
            return new CustomerSearchResult.Invalid("Type some letters of the name or the company.");

        var customers = Customers();
        foreach (var term in terms)
            customers = customers.Where(c => c.NameKey.Contains(term) || c.CompanyKey.Contains(term));

        var matches = await customers
            .OrderBy(c => c.NameKey)
            .Take(MaxCandidates + 1)
            .ToListAsync(cancellationToken);

        return matches.Count switch
        {
            0 => new CustomerSearchResult.NotFound(query),
            1 => new CustomerSearchResult.Found(matches[0]),
            _ => new CustomerSearchResult.Ambiguous(matches.Take(MaxCandidates).ToList(), matches.Count > MaxCandidates),
        };
    }

    private static bool LooksLikePhone(string text) =>
        text.Count(char.IsAsciiDigit) >= 6 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');

    private static CountryCode? RegionOf(string? locale)
    {
        var region = locale?.Split('-', '_').LastOrDefault();
        return region is not null && CountryCode.TryParse(region, out var country) ? country : null;
    }
}
