using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// Keeps the word index (and its pair index, <see cref="CustomerSearchPair"/>) in step with the customers a context saves, in the same transaction: a customer added
/// gets its words; one renamed or moved to another company gets the words it gained and loses those it no longer
/// has (read from the index itself, so an index that was behind is put right); a deleted customer's words go
/// with it by the foreign key's cascade. Only tracked changes are seen: bulk writes keep the index themselves
/// (the seeder) or leave it to the start-up backfill.
/// <para>
/// New words join the vocabulary in the same save. Two saves introducing the same new word at once would clash
/// on its key; the loser retries once without the rows the winner wrote (they are the same rows).
/// </para>
/// </summary>
internal static class SearchIndexUpkeep
{
    public static void Stage(CrmDbContext db)
    {
        var plan = Plan(db);
        if (plan.Count == 0)
            return;
        var reindexed = plan.Where(p => !p.IsNew).Select(p => p.Id).ToList();
        var existing = reindexed.Count == 0 ? [] : db.CustomerSearchTerms.Where(t => reindexed.Contains(t.CustomerId)).ToList();
        var existingPairs = reindexed.Count == 0 ? [] : db.CustomerSearchPairs.Where(p => reindexed.Contains(p.CustomerId)).ToList();
        var words = NewWords(db, plan);
        var known = words.Count == 0 ? [] : db.SearchWordVariants.Where(v => words.Contains(v.Variant) && v.Variant == v.Word).Select(v => v.Word).ToHashSet(StringComparer.Ordinal);
        Apply(db, plan, existing, words, known);
        ApplyPairs(db, plan, existingPairs);
    }

    public static async Task StageAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var plan = Plan(db);
        if (plan.Count == 0)
            return;
        var reindexed = plan.Where(p => !p.IsNew).Select(p => p.Id).ToList();
        var existing = reindexed.Count == 0 ? [] : await db.CustomerSearchTerms.Where(t => reindexed.Contains(t.CustomerId)).ToListAsync(cancellationToken);
        var existingPairs = reindexed.Count == 0 ? [] : await db.CustomerSearchPairs.Where(p => reindexed.Contains(p.CustomerId)).ToListAsync(cancellationToken);
        var words = NewWords(db, plan);
        var known = words.Count == 0 ? [] : (await db.SearchWordVariants.Where(v => words.Contains(v.Variant) && v.Variant == v.Word).Select(v => v.Word).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        Apply(db, plan, existing, words, known);
        ApplyPairs(db, plan, existingPairs);
    }

    /// <summary>
    /// After a failed save: forgets the vocabulary rows it staged, so that a retry stages only the words still
    /// missing. Returns false when there were none (the failure was not about the vocabulary).
    /// </summary>
    public static bool UnstageVocabulary(CrmDbContext db)
    {
        var staged = db.ChangeTracker.Entries<SearchWordVariant>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in staged)
            entry.State = EntityState.Detached;
        return staged.Count > 0;
    }

    private static List<Reindex> Plan(CrmDbContext db)
    {
        var plan = new List<Reindex>();
        foreach (var entry in db.ChangeTracker.Entries<Customer>())
        {
            if (entry.State == EntityState.Added)
            {
                plan.Add(new Reindex(entry.Entity.Id, IsNew: true, IndexedWords.Of(entry.Entity)));
            }
            else if (entry.State == EntityState.Modified
                && (entry.Property(c => c.NameKey).IsModified || entry.Property(c => c.CompanyKey).IsModified))
            {
                plan.Add(new Reindex(entry.Entity.Id, IsNew: false, IndexedWords.Of(entry.Entity)));
            }
        }
        return plan;
    }

    /// <summary>The words of the plan not already staged in this context (by an earlier, failed attempt).</summary>
    private static List<string> NewWords(CrmDbContext db, List<Reindex> plan)
    {
        var staged = db.ChangeTracker.Entries<SearchWordVariant>()
            .Where(e => e.State == EntityState.Added && e.Entity.Variant == e.Entity.Word)
            .Select(e => e.Entity.Word)
            .ToHashSet(StringComparer.Ordinal);
        return plan.SelectMany(p => p.Words).Where(w => !staged.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Apply(CrmDbContext db, List<Reindex> plan, List<CustomerSearchTerm> existing, List<string> words, HashSet<string> known)
    {
        var termsById = existing.ToLookup(t => t.CustomerId);
        // Read once: every read of DbSet.Local runs DetectChanges over the whole context (per word, that made a batch quadratic).
        var localTerms = db.CustomerSearchTerms.Local;
        foreach (var customer in plan)
        {
            var wanted = SearchVocabulary.TermsFor(customer.Id, customer.Words).Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
            var have = termsById[customer.Id].ToList();
            db.CustomerSearchTerms.RemoveRange(have.Where(t => !wanted.Contains(t.Word)));
            var haveWords = have.Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
            foreach (var word in wanted.Where(w => !haveWords.Contains(w)))
            {
                if (localTerms.FindEntryUntyped([word, customer.Id]) is null)
                    db.CustomerSearchTerms.Add(new CustomerSearchTerm(word, customer.Id));
            }
        }
        foreach (var word in words.Where(w => !known.Contains(w)))
            db.SearchWordVariants.AddRange(SearchVocabulary.RowsFor(word));
    }

    /// <summary>The same for the pair index: the pairs a customer gained are added, those it lost removed.</summary>
    private static void ApplyPairs(CrmDbContext db, List<Reindex> plan, List<CustomerSearchPair> existing)
    {
        var pairsById = existing.ToLookup(p => p.CustomerId);
        var localPairs = db.CustomerSearchPairs.Local;
        foreach (var customer in plan)
        {
            var wanted = SearchVocabulary.PairsFor(customer.Id, customer.Words).Select(p => (p.First, p.Second)).ToHashSet();
            var have = pairsById[customer.Id].ToList();
            db.CustomerSearchPairs.RemoveRange(have.Where(p => !wanted.Contains((p.First, p.Second))));
            var havePairs = have.Select(p => (p.First, p.Second)).ToHashSet();
            foreach (var (first, second) in wanted.Where(p => !havePairs.Contains(p)))
            {
                if (localPairs.FindEntryUntyped([first, second, customer.Id]) is null)
                    db.CustomerSearchPairs.Add(new CustomerSearchPair(first, second, customer.Id));
            }
        }
    }

    private sealed record Reindex(CustomerId Id, bool IsNew, IReadOnlySet<string> Words);
}
