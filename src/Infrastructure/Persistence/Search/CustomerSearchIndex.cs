using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>The customers a word search found (at most <see cref="CustomerSearchIndex.MaxCandidates"/>) and whether more exist.</summary>
public sealed record CandidateIds(IReadOnlyList<CustomerId> Ids, bool MoreExist)
{
    public static CandidateIds Nobody { get; } = new([], false);
}

/// <summary>
/// Finds the customers that typed words may mean, through the word index and never a scan of customers:
/// <list type="number">
/// <item>each typed word is looked up in the vocabulary under itself and its deletions (one query of equality
/// seeks for all words) and the indexed words found are checked with <see cref="WordMatch"/>: exact, unfinished
/// or within the allowed slips;</item>
/// <item>for each typed word, a count of its customers that stops at 5,000 tells the rare words from the common ones;</item>
/// <item>the customers of the rarest word are the candidates when they are at most <see cref="MaxCandidates"/>;
/// otherwise those of the rarest word that also have a match for the next rarest (an index seek per candidate,
/// stopping at the cap), adding the next rarest word while there are still too many; and when no customer has them all, those of the rarest word,
/// exact matches first, marked as incomplete.</item>
/// </list>
/// Candidates are then weighed in the domain (<see cref="CustomerIdentification"/>), not here.
/// </summary>
public sealed class CustomerSearchIndex(CrmDbContext db)
{
    public const int MaxCandidates = 200;

    /// <summary>How far the customers of a word are counted to tell rare words from common ones (an index range read, stopped here).</summary>
    private const int MaxCounted = 5_000;

    public async Task<CandidateIds> FindAsync(IReadOnlyList<string> typedWords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typedWords);
        var expansions = await ExpandAsync(typedWords, cancellationToken);
        if (expansions.Count == 0)
            return CandidateIds.Nobody;

        var counted = new List<(Expansion Word, int Count)>();
        foreach (var expansion in expansions)
        {
            var count = await Terms(expansion.All).Take(MaxCounted + 1).CountAsync(cancellationToken);
            if (count > 0)
                counted.Add((expansion, count));
        }
        if (counted.Count == 0)
            return CandidateIds.Nobody;
        counted.Sort((a, b) => a.Count.CompareTo(b.Count));

        var rarest = counted[0];
        if (rarest.Count <= MaxCandidates)
            return new CandidateIds(await CustomersOf(rarest.Word.All, MaxCandidates, cancellationToken), MoreExist: false);

        // Customers having every word, starting with the two rarest and adding words only while there are too many.
        for (var words = 2; words <= counted.Count; words++)
        {
            var having = CustomerIds(rarest.Word.All);
            foreach (var (next, _) in counted.Skip(1).Take(words - 1))
            {
                var nextWords = next.All;
                having = having.Where(id => db.CustomerSearchTerms.Any(t => t.CustomerId == id && nextWords.Contains(t.Word)));
            }
            // A correlated EXISTS per candidate (an index seek each) that stops at the cap, rather than an INTERSECT
            // that reads every customer of two common words ("maria", "garcia") before the first answer.
            var found = await having.Distinct().Take(MaxCandidates + 1).ToListAsync(cancellationToken);
            if (found.Count == 0)
                break;
            if (found.Count <= MaxCandidates || words == counted.Count)
                return new CandidateIds(found.Take(MaxCandidates).ToList(), found.Count > MaxCandidates);
        }

        // Too many for one word and nobody with them all: the rarest word's customers, exact matches first.
        var ids = new List<CustomerId>();
        foreach (var tier in rarest.Word.Tiers)
        {
            if (ids.Count >= MaxCandidates)
                break;
            var taken = ids.ToHashSet();
            ids.AddRange((await CustomersOf(tier, MaxCandidates, cancellationToken)).Where(taken.Add).Take(MaxCandidates - ids.Count));
        }
        return new CandidateIds(ids, MoreExist: true);
    }

    /// <summary>The customers holding one of <paramref name="handles"/> (an index seek on the unique (Kind, Value) each).</summary>
    public async Task<IReadOnlyList<CustomerId>> FindByHandlesAsync(IReadOnlyList<QueryHandle> handles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var ids = new List<CustomerId>();
        foreach (var handle in handles)
        {
            var kinds = handle.Kinds.ToList();
            var value = handle.Value;
            ids.AddRange(await db.CustomerIdentities
                .Where(i => kinds.Contains(i.Kind) && i.Value == value)
                .Select(i => i.CustomerId)
                .ToListAsync(cancellationToken));
        }
        return ids.Distinct().ToList();
    }

    /// <summary>For each typed word, the indexed words it matches, by kind of match; words matching nothing are left out.</summary>
    private async Task<List<Expansion>> ExpandAsync(IReadOnlyList<string> typedWords, CancellationToken cancellationToken)
    {
        var typed = typedWords.Where(w => w.Length > 0).Select(IndexedWords.Trim).Distinct(StringComparer.Ordinal).ToList();
        var keys = typed.SelectMany(SearchVocabulary.LookupKeys).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
            return [];
        var indexed = await db.SearchWordVariants.AsNoTracking()
            .Where(v => keys.Contains(v.Variant))
            .Select(v => v.Word)
            .Distinct()
            .ToListAsync(cancellationToken);

        var expansions = new List<Expansion>();
        foreach (var word in typed)
        {
            var matches = indexed.Select(w => WordMatch.Of(word, w)).OfType<WordMatch>().ToList();
            if (matches.Count == 0)
                continue;
            var tiers = matches
                .GroupBy(m => (m.Kind, m.Slips))
                .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Slips)
                .Select(g => g.Select(m => m.Matched).ToList())
                .ToList();
            expansions.Add(new Expansion(word, matches.Select(m => m.Matched).ToList(), tiers));
        }
        return expansions;
    }

    private IQueryable<CustomerSearchTerm> Terms(List<string> words) =>
        db.CustomerSearchTerms.AsNoTracking().Where(t => words.Contains(t.Word));

    private IQueryable<CustomerId> CustomerIds(List<string> words) => Terms(words).Select(t => t.CustomerId);

    private async Task<List<CustomerId>> CustomersOf(List<string> words, int max, CancellationToken cancellationToken) =>
        (await CustomerIds(words).Take(max * 2).ToListAsync(cancellationToken)).Distinct().Take(max).ToList();

    /// <param name="All">Every indexed word the typed word matches.</param>
    /// <param name="Tiers">The same words grouped by how well they match, best first (exact, unfinished, one slip, two).</param>
    private sealed record Expansion(string Typed, List<string> All, List<List<string>> Tiers);
}
