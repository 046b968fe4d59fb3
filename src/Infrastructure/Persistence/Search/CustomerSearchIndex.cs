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
/// <item>for each typed word, its customers are counted up to <see cref="MaxCandidates"/> + 1: enough to tell a
/// rare word (whose customers are the candidates, read whole) from a common one;</item>
/// <item>when every word is common, the candidates are the customers having two of the words, read from the
/// pair index (<see cref="CustomerSearchPair"/>) for the two whose pair has the fewest customers; while there
/// are still too many, those that also have the next words (an index seek per candidate, stopping at the cap).
/// When no customer has them all, the rarest word's customers, exact matches first, marked as incomplete.</item>
/// </list>
/// No step reads more rows than the cap for a word however many customers share it, so "maría garcía" costs the
/// same at a million customers as at a thousand. Words the pair index does not hold (shorter than
/// <see cref="SearchVocabulary.MinPairWordLength"/>), or two typed words that may mean the same indexed word, take
/// the way without pairs: the words counted further to find the rarest, and the customers of the rarest probed for the others.
/// Candidates are then weighed in the domain (<see cref="CustomerIdentification"/>), not here.
/// </summary>
public sealed class CustomerSearchIndex(CrmDbContext db)
{
    public const int MaxCandidates = 200;

    /// <summary>How far the way without pairs counts the customers of a word to find the rarest (an index range read, stopped here).</summary>
    private const int MaxCounted = 5_000;

    /// <summary>Pairs of common words weighed at most: those of the first four common words typed.</summary>
    private const int MaxPairedWords = 4;

    public async Task<CandidateIds> FindAsync(IReadOnlyList<string> typedWords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typedWords);
        var expansions = await ExpandAsync(typedWords, cancellationToken);
        if (expansions.Count == 0)
            return CandidateIds.Nobody;

        var counted = await CountAsync(expansions, MaxCandidates + 1, cancellationToken);
        if (counted.Count == 0)
            return CandidateIds.Nobody;
        if (counted[0].Count <= MaxCandidates)
            return new CandidateIds(await CustomersOf(counted[0].Word.All, MaxCandidates, cancellationToken), MoreExist: false);
        if (counted.Count == 1)
            return await RarestWordAsync(counted[0].Word, cancellationToken);

        var common = counted.Select(c => c.Word).ToList();
        return await FindByPairsAsync(common, cancellationToken) ?? await FindWithoutPairsAsync(common, cancellationToken);
    }

    /// <summary>
    /// Every word common: the customers of the pair with the fewest, then narrowed by the other words. Null when no
    /// two of the words can be read from the pair index.
    /// </summary>
    private async Task<CandidateIds?> FindByPairsAsync(List<Expansion> common, CancellationToken cancellationToken)
    {
        var paired = common.Take(MaxPairedWords).ToList();
        (Expansion A, Expansion B, int Count)? best = null;
        for (var i = 0; i < paired.Count; i++)
        {
            for (var j = i + 1; j < paired.Count; j++)
            {
                if (!Pairable(paired[i], paired[j]))
                    continue;
                var count = await PairCustomerIds(paired[i].All, paired[j].All).Distinct().Take(MaxCandidates + 1).CountAsync(cancellationToken);
                if (best is null || count < best.Value.Count)
                    best = (paired[i], paired[j], count);
                if (count == 0)
                    break;
            }
            if (best is { Count: 0 })
                break;
        }
        if (best is not { } pair)
            return null;
        if (pair.Count == 0)
            return await FindWithoutPairsAsync(common, cancellationToken);

        // Customers having the pair, then every other word too, adding words only while there are too many.
        var rest = common.Where(w => w != pair.A && w != pair.B).ToList();
        var having = PairCustomerIds(pair.A.All, pair.B.All).Distinct();
        for (var words = 0; ; words++)
        {
            var found = await having.Take(MaxCandidates + 1).ToListAsync(cancellationToken);
            if (found.Count == 0)
                return await FindWithoutPairsAsync(common, cancellationToken);
            if (found.Count <= MaxCandidates || words == rest.Count)
                return new CandidateIds(found.Take(MaxCandidates).ToList(), found.Count > MaxCandidates);
            var nextWords = rest[words].All;
            having = having.Where(id => db.CustomerSearchTerms.Any(t => t.CustomerId == id && nextWords.Contains(t.Word)));
        }
    }

    /// <summary>
    /// The way without pairs: the words counted further to find the rarest, whose customers are probed for the next
    /// rarest (an index seek each, stopping at the cap), adding words while there are too many.
    /// </summary>
    private async Task<CandidateIds> FindWithoutPairsAsync(List<Expansion> common, CancellationToken cancellationToken)
    {
        var counted = await CountAsync(common, MaxCounted + 1, cancellationToken);
        var rarest = counted[0];
        for (var words = 2; words <= counted.Count; words++)
        {
            var having = CustomerIds(rarest.Word.All);
            foreach (var (next, _) in counted.Skip(1).Take(words - 1))
            {
                var nextWords = next.All;
                having = having.Where(id => db.CustomerSearchTerms.Any(t => t.CustomerId == id && nextWords.Contains(t.Word)));
            }
            // A correlated EXISTS per candidate (an index seek each) that stops at the cap, rather than an INTERSECT
            // that reads every customer of two common words before the first answer.
            var found = await having.Distinct().Take(MaxCandidates + 1).ToListAsync(cancellationToken);
            if (found.Count == 0)
                break;
            if (found.Count <= MaxCandidates || words == counted.Count)
                return new CandidateIds(found.Take(MaxCandidates).ToList(), found.Count > MaxCandidates);
        }
        return await RarestWordAsync(rarest.Word, cancellationToken);
    }

    /// <summary>Too many for one word and nobody with them all: the word's customers, exact matches first, marked as incomplete.</summary>
    private async Task<CandidateIds> RarestWordAsync(Expansion word, CancellationToken cancellationToken)
    {
        var ids = new List<CustomerId>();
        foreach (var tier in word.Tiers)
        {
            if (ids.Count >= MaxCandidates)
                break;
            var taken = ids.ToHashSet();
            ids.AddRange((await CustomersOf(tier, MaxCandidates, cancellationToken)).Where(taken.Add).Take(MaxCandidates - ids.Count));
        }
        return new CandidateIds(ids, MoreExist: true);
    }

    /// <summary>The words with customers, each with their index rows counted up to <paramref name="limit"/>, rarest first.</summary>
    private async Task<List<(Expansion Word, int Count)>> CountAsync(List<Expansion> expansions, int limit, CancellationToken cancellationToken)
    {
        var counted = new List<(Expansion Word, int Count)>();
        foreach (var expansion in expansions)
        {
            var count = await Terms(expansion.All).Take(limit).CountAsync(cancellationToken);
            if (count > 0)
                counted.Add((expansion, count));
        }
        // Stable: words equally common keep the order they were typed in.
        return counted.OrderBy(c => c.Count).ToList();
    }

    /// <summary>
    /// Whether the customers having both words are exactly those of the pair index: every word either may mean is
    /// long enough to be paired, and no indexed word is meant by both (one word would then do for the two).
    /// </summary>
    private static bool Pairable(Expansion a, Expansion b) =>
        a.All.Concat(b.All).All(w => w.Length >= SearchVocabulary.MinPairWordLength) && !a.All.Intersect(b.All, StringComparer.Ordinal).Any();

    /// <summary>The customers having a word of <paramref name="a"/> and one of <paramref name="b"/> (each pair is stored in ordinal order).</summary>
    private IQueryable<CustomerId> PairCustomerIds(List<string> a, List<string> b) =>
        db.CustomerSearchPairs.AsNoTracking()
            .Where(p => (a.Contains(p.First) && b.Contains(p.Second)) || (b.Contains(p.First) && a.Contains(p.Second)))
            .Select(p => p.CustomerId);

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
