using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// What a person typed to name a customer, read once: the handles in it (an e-mail, a phone number in E.164,
/// a loyalty number or other id, a Teams or Slack user) and the folded words of the name and company.
/// A comma separates the name from the company ("María Núñez, Acme"); without one, every word may be in
/// either. When the text cannot be a search at all, <see cref="Problem"/> says why, in words for the user.
/// </summary>
public sealed class CustomerQuery
{
    public const int MaxLength = 200;

    private CustomerQuery(string text, IReadOnlyList<QueryHandle> handles, IReadOnlyList<string> nameWords, IReadOnlyList<string> companyWords, string? problem)
    {
        Text = text;
        Handles = handles;
        NameWords = nameWords;
        CompanyWords = companyWords;
        Problem = problem;
    }

    /// <summary>The text as typed (trimmed).</summary>
    public string Text { get; }

    public IReadOnlyList<QueryHandle> Handles { get; }

    /// <summary>Folded words before the comma, or every word when there is no comma.</summary>
    public IReadOnlyList<string> NameWords { get; }

    /// <summary>Folded words after the comma: they must be in the company.</summary>
    public IReadOnlyList<string> CompanyWords { get; }

    /// <summary>True when a comma set the company apart, so that the words before it are the name only.</summary>
    public bool NamesCompany => CompanyWords.Count > 0;

    /// <summary>Why the text is not a search, for the user; null when it is one.</summary>
    public string? Problem { get; }

    /// <summary>Every distinct word of the query, name words first.</summary>
    public IReadOnlyList<string> Words => NameWords.Concat(CompanyWords).Distinct(StringComparer.Ordinal).ToArray();

    /// <param name="defaultRegion">The country a phone number without a country code is read in (the user's).</param>
    public static CustomerQuery Parse(string? text, CountryCode? defaultRegion)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return Failed(trimmed, "Tell me who: part of the name, the company, an e-mail or a phone number.");
        if (trimmed.Length > MaxLength)
            return Failed(trimmed, $"That search is {trimmed.Length} characters long; keep it under {MaxLength}.");

        var handles = new List<QueryHandle>();
        var nameWords = new List<string>();
        var companyWords = new List<string>();
        var segments = trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            if (LooksLikePhone(segment))
            {
                var phone = IdentityNormalizer.NormalizePhone(segment, defaultRegion);
                if (phone is null)
                    return Failed(trimmed, $"'{segment}' does not read as a phone number; include the country code, e.g. +34 600 123 456.");
                handles.Add(new QueryHandle(IdentityKind.Phone, phone));
                continue;
            }
            var words = s == 0 ? nameWords : companyWords;
            foreach (var token in segment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var tokenHandles = HandlesIn(token);
                if (tokenHandles.Count > 0)
                    handles.AddRange(tokenHandles);
                else
                    words.AddRange(SearchText.Terms(token));
            }
        }

        if (handles.Count == 0 && nameWords.Count == 0 && companyWords.Count == 0)
            return Failed(trimmed, "Type some letters of the name or the company.");
        // Without a name before the comma, the company words are simply words of the search.
        if (nameWords.Count == 0)
            (nameWords, companyWords) = (companyWords, []);
        return new CustomerQuery(trimmed, handles.DistinctBy(h => (string.Join(',', h.Kinds), h.Value)).ToArray(), Distinct(nameWords), Distinct(companyWords), problem: null);
    }

    /// <summary>Digits with the usual phone punctuation, at least six of them: "+34 600 123 456", "(600) 123-456".</summary>
    public static bool LooksLikePhone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Count(char.IsAsciiDigit) >= 6 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');
    }

    /// <summary>
    /// The handles a single token may be: an e-mail, a GUID (a Teams user or an external id), TEAM:USER (a Slack
    /// user), or a code with at least three digits (a loyalty number or an external id; names have no digits).
    /// </summary>
    private static IReadOnlyList<QueryHandle> HandlesIn(string token)
    {
        var bare = token.Trim('"', '\'', '(', ')', '<', '>', '[', ']', ';');
        if (IdentityNormalizer.LooksLikeEmail(bare))
            return [new QueryHandle(IdentityKind.Email, IdentityNormalizer.Normalize(IdentityKind.Email, bare))];
        if (Guid.TryParse(bare, out _))
        {
            return
            [
                new QueryHandle(IdentityKind.TeamsUser, IdentityNormalizer.Normalize(IdentityKind.TeamsUser, bare)),
                new QueryHandle(IdentityKind.ExternalId, IdentityNormalizer.Normalize(IdentityKind.ExternalId, bare)),
            ];
        }
        if (bare.Count(char.IsAsciiDigit) < 3 || !bare.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or ':' or '.'))
            return [];
        if (bare.Split(':') is [{ Length: > 0 } team, { Length: > 0 } user] && team.All(char.IsAsciiLetterOrDigit) && user.All(char.IsAsciiLetterOrDigit))
            return [new QueryHandle(IdentityKind.SlackUser, IdentityNormalizer.Normalize(IdentityKind.SlackUser, bare))];
        return [new QueryHandle([IdentityKind.LoyaltyNumber, IdentityKind.ExternalId], IdentityNormalizer.Normalize(IdentityKind.LoyaltyNumber, bare))];
    }

    private static string[] Distinct(List<string> words) => words.Distinct(StringComparer.Ordinal).ToArray();

    private static CustomerQuery Failed(string text, string problem) => new(text, [], [], [], problem);
}
