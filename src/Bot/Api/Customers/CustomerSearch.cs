using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Customers;

/// <summary>
/// The customers a search names: by a handle (<c>externalId</c>, <c>email</c>, <c>phone</c> in international form,
/// <c>loyaltyNumber</c>: exact, normalised as stored) or by name and company words (<c>q</c>, through the same word
/// index as the chat's search). Erased and merged records are never listed.
/// </summary>
public sealed class CustomerSearch(CrmDbContext db, CustomerSearchIndex index, IOptions<IntegrationApiOptions> options)
{
    private static readonly (string Parameter, IdentityKind Kind)[] Handles =
    [
        ("externalId", IdentityKind.ExternalId),
        ("email", IdentityKind.Email),
        ("phone", IdentityKind.Phone),
        ("loyaltyNumber", IdentityKind.LoyaltyNumber),
    ];

    public async Task<Found> FindAsync(IQueryCollection query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var max = options.Value.MaxPageSize;
        var limit = max;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit < 1 || limit > max))
            return Found.Refused(ApiProblems.Invalid("limit", $"must be a whole number from 1 to {max}"));
        var given = Handles.Where(h => !string.IsNullOrWhiteSpace(query[h.Parameter])).ToList();
        var words = query["q"].ToString();
        if (given.Count + (string.IsNullOrWhiteSpace(words) ? 0 : 1) != 1)
            return Found.Refused(ApiProblems.Invalid("q", "Give exactly one of externalId, email, phone, loyaltyNumber or q."));

        List<CustomerId> ids;
        var moreExist = false;
        if (given.Count == 1)
        {
            var (parameter, kind) = given[0];
            string value;
            try
            {
                value = IdentityNormalizer.Normalize(kind, query[parameter].ToString());
            }
            catch (DomainRuleException problem)
            {
                return Found.Refused(ApiProblems.Invalid(parameter, problem.Message));
            }
            ids = await db.CustomerIdentities.AsNoTracking().Where(i => i.Kind == kind && i.Value == value).Select(i => i.CustomerId).ToListAsync(ct);
        }
        else
        {
            var parsed = CustomerQuery.Parse(words, defaultRegion: null);
            if (parsed.Problem is { } problem)
                return Found.Refused(ApiProblems.Invalid("q", problem));
            var candidates = await index.FindAsync(parsed.Words, ct);
            ids = [.. candidates.Ids];
            moreExist = candidates.MoreExist;
        }
        var customers = await CustomerLookup.Usable(db.Customers.AsNoTracking().Include(c => c.Identities))
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(ct);
        var ordered = customers.OrderBy(c => c.NameKey, StringComparer.Ordinal).ThenBy(c => c.Id.Value).ToList();
        return new Found([.. ordered.Take(limit)], moreExist || ordered.Count > limit, null);
    }

    public sealed record Found(IReadOnlyList<Customer> Customers, bool MoreExist, IResult? Problem)
    {
        public static Found Refused(IResult problem) => new([], false, problem);
    }
}
