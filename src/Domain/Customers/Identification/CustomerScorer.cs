namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// Weighs one customer against a query. A handle in the query that the customer has (the same e-mail, phone,
/// loyalty number…) is certain: confidence 1. Otherwise every typed word is matched to its best word of the
/// customer (of the name or the company; after a comma, the name words to the name and the company words to
/// the company) and the confidence is the product of the matches' weights (<see cref="WordMatch.Weight"/>),
/// with <see cref="UnmatchedWordWeight"/> for a word that matches nothing. A product, rather than an average,
/// keeps one slip costing the same however many words were typed, so "María Núñez, Acme" keeps María
/// ahead of Marina by the same margin as "maria" alone does.
/// </summary>
public static class CustomerScorer
{
    /// <summary>A typed word the customer lacks: a strong doubt, not a veto (the company may have changed, the word be a city).</summary>
    public const double UnmatchedWordWeight = 0.3;

    /// <summary>The customer weighed against the query, or null when neither a handle nor any word matches.</summary>
    public static ScoredCustomer? Score(CustomerQuery query, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(customer);

        var handleReasons = query.Handles
            .SelectMany(h => customer.Identities.Where(h.Matches).Select(i => Describe(i.Kind)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (handleReasons.Count > 0)
            return new ScoredCustomer(customer, 1.0, handleReasons) { ByHandle = true };

        var nameWords = Split(customer.NameKey);
        var companyWords = Split(customer.CompanyKey);
        var name = new List<WordMatch>();
        var company = new List<WordMatch>();
        var missing = new List<string>();
        var confidence = 1.0;
        foreach (var typed in query.NameWords)
        {
            var inName = WordMatch.Best(typed, nameWords);
            var inCompany = query.NamesCompany ? null : WordMatch.Best(typed, companyWords);
            confidence *= Weigh(typed, inName, inCompany, name, company, missing);
        }
        foreach (var typed in query.CompanyWords)
            confidence *= Weigh(typed, inName: null, WordMatch.Best(typed, companyWords), name, company, missing);

        if (name.Count == 0 && company.Count == 0)
            return null;
        return new ScoredCustomer(customer, confidence, [.. Reasons("name", name), .. Reasons("company", company), .. missing.Select(m => $"no \"{m}\"")]);
    }

    private static double Weigh(string typed, WordMatch? inName, WordMatch? inCompany, List<WordMatch> name, List<WordMatch> company, List<string> missing)
    {
        if (inName is null && inCompany is null)
        {
            missing.Add(typed);
            return UnmatchedWordWeight;
        }
        if (inCompany is null || (inName is not null && inName.Weight >= inCompany.Weight))
        {
            name.Add(inName!);
            return inName!.Weight;
        }
        company.Add(inCompany);
        return inCompany.Weight;
    }

    /// <summary>"name matches" when every word of it matched exactly; otherwise "name ≈ nunes (1 typo), mari…".</summary>
    private static IEnumerable<string> Reasons(string field, List<WordMatch> matches)
    {
        if (matches.Count == 0)
            yield break;
        var inexact = matches.Where(m => m.Kind != WordMatchKind.Exact).ToList();
        yield return inexact.Count == 0 ? $"{field} matches" : $"{field} ≈ {string.Join(", ", inexact.Select(m => m.Describe()))}";
    }

    private static string[] Split(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(IdentityKind kind) => kind switch
    {
        IdentityKind.Email => "e-mail matches",
        IdentityKind.Phone => "phone matches",
        IdentityKind.TeamsUser => "Teams user matches",
        IdentityKind.SlackUser => "Slack user matches",
        IdentityKind.LoyaltyNumber => "loyalty number matches",
        _ => "external id matches",
    };
}
