using System.Globalization;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Customers.Merging;

/// <summary>Everything of one customer, as a merge needs it.</summary>
public sealed record CustomerFile(
    Customer Customer,
    IReadOnlyCollection<Interaction> Interactions,
    IReadOnlyCollection<Order> Orders,
    IReadOnlyCollection<ConsentRecord> Consents);

/// <summary>The merge's result: consent statements to add (where the more restrictive must win) and its permanent record.</summary>
public sealed record MergeOutcome(IReadOnlyList<ConsentRecord> AddedConsents, CustomerMergeRecord Record);

/// <summary>
/// Folds a duplicate record into the surviving one, so that one customer has one view: every handle,
/// interaction, order and consent statement moves over. Where the two records' latest consent statements for
/// a purpose and channel disagree, the more restrictive one wins: when the merged history would otherwise end
/// on the grant, a withdrawal is restated at the time of the merge. The outcome explains every step.
/// </summary>
public static class CustomerMerge
{
    public static MergeOutcome Merge(CustomerFile survivor, CustomerFile duplicate, UserId mergedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(duplicate);
        var keep = survivor.Customer;
        var fold = duplicate.Customer;
        var handles = fold.Identities.Select(i => i.Value).ToList();
        var companyBefore = keep.Company;

        keep.Absorb(fold);
        foreach (var interaction in duplicate.Interactions)
            interaction.MoveTo(keep.Id);
        foreach (var order in duplicate.Orders)
            order.MoveTo(keep.Id);
        foreach (var consent in duplicate.Consents)
            consent.MoveTo(keep.Id);

        var lines = new List<string>
        {
            $"Merged \"{fold.DisplayName}\" into \"{keep.DisplayName}\" (same customer, two records).",
            handles.Count == 0 ? "No handles to move." : $"Moved {handles.Count} handle(s): {string.Join(", ", handles)}.",
            string.Create(CultureInfo.InvariantCulture,
                $"Moved {duplicate.Interactions.Count} interaction(s), {duplicate.Orders.Count} order(s) and {duplicate.Consents.Count} consent statement(s)."),
        };
        if (companyBefore is null && keep.Company is not null)
            lines.Add($"Took the company \"{keep.Company}\" from the merged record.");

        var added = SettleConsentConflicts(keep.Id, survivor.Consents, duplicate.Consents, at, lines);
        var record = new CustomerMergeRecord(keep.Id, fold.Id, fold.DisplayName, mergedBy, at, string.Join('\n', lines));
        return new MergeOutcome(added, record);
    }

    private static List<ConsentRecord> SettleConsentConflicts(CustomerId survivorId, IReadOnlyCollection<ConsentRecord> kept,
        IReadOnlyCollection<ConsentRecord> folded, DateTimeOffset at, List<string> lines)
    {
        var added = new List<ConsentRecord>();
        var topics = kept.Concat(folded).Select(c => (c.Purpose, c.Channel)).Distinct().OrderBy(t => t.Purpose).ThenBy(t => t.Channel);
        foreach (var (purpose, channel) in topics)
        {
            var mine = ConsentRules.Latest(kept, purpose, channel);
            var theirs = ConsentRules.Latest(folded, purpose, channel);
            if (mine is null || theirs is null || mine.Granted == theirs.Granted)
                continue;

            var withdrawal = mine.Granted ? theirs : mine;
            var grant = mine.Granted ? mine : theirs;
            var topic = $"{ConsentWording.Purpose(purpose).English} {ConsentWording.By(channel).English}";
            var settled = string.Create(CultureInfo.InvariantCulture, $"{topic}: the records disagreed (granted {grant.RecordedAt:yyyy-MM-dd}, withdrawn {withdrawal.RecordedAt:yyyy-MM-dd}); the withdrawal, the more restrictive, wins");
            if (grant.RecordedAt >= withdrawal.RecordedAt)
            {
                added.Add(ConsentRecord.Withdraw(survivorId, purpose, channel,
                    $"merge: withdrawal of {withdrawal.RecordedAt:yyyy-MM-dd} kept over a later grant", at));
                settled += ", restated now.";
            }
            else
            {
                settled += ".";
            }
            lines.Add(settled);
        }
        return added;
    }
}
