using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>
/// Finds a customer from what a person types: an e-mail, a phone number (read in the user's country), a loyalty
/// number or other id, or words of the name and company ("María Núñez, Acme"). Case, accents, spacing and a
/// slip or two in a word do not matter ("nunes" finds "Núñez"); when several customers fit about as well, the
/// answer is the ranked list, never a guess (see <see cref="CustomerIdentification"/>).
/// </summary>
public sealed class CustomerFinder(CustomerLookup lookup)
{
    public const int MaxCandidates = 5;

    public async Task<CustomerSearchResult> FindAsync(string query, string? locale, CancellationToken cancellationToken)
    {
        var parsed = CustomerQuery.Parse(query, RegionOf(locale));
        if (parsed.Problem is { } problem)
            return new CustomerSearchResult.Invalid(problem);

        return await lookup.IdentifyAsync(parsed, MaxCandidates, cancellationToken) switch
        {
            IdentificationDecision.Exact exact => new CustomerSearchResult.Found(exact.Match.Customer),
            IdentificationDecision.Candidates candidates => new CustomerSearchResult.Ambiguous(candidates.Ranked, candidates.MoreExist),
            _ => new CustomerSearchResult.NotFound(parsed.Text),
        };
    }

    public Task<Customer?> GetAsync(CustomerId id, CancellationToken cancellationToken) => lookup.GetAsync(id, cancellationToken);

    private static CountryCode? RegionOf(string? locale)
    {
        var region = locale?.Split('-', '_').LastOrDefault();
        return region is not null && CountryCode.TryParse(region, out var country) ? country : null;
    }
}
