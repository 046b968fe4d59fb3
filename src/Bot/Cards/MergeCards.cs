using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards for one customer split over several records: the likely duplicates, and a merge's explanation.</summary>
public static class MergeCards
{
    public static Card Duplicates(Customer customer, IReadOnlyList<DuplicateSuspicion> suspicions, string verb, string duplicateIdKey)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(suspicions);
        if (suspicions.Count == 0)
            return new Card($"No likely duplicates of {customer.DisplayName}", [new CardText("No other record has the same name at the same company, or the same name in the same country.")], []);

        var body = new List<CardBlock>
        {
            new CardText("These records look like the same customer. Merging moves every handle, interaction, order and consent into this record; where consents disagree, the more restrictive wins."),
            new CardFacts(suspicions.Select((s, i) => new CardFact($"{i + 1}", $"{CustomerCards.Describe(s.Candidate)} — {string.Join(", ", s.Reasons)}")).ToList()),
        };
        var id = customer.Id.Value.ToString();
        var buttons = suspicions
            .Select((s, i) => CardButton.For($"Merge {i + 1} into this record", verb, ("customerId", id), (duplicateIdKey, s.Candidate.Id.Value.ToString())))
            .ToList();
        return new Card($"Possible duplicates of {customer.DisplayName}", body, buttons) { Subtitle = customer.Company };
    }

    public static Card Merged(Customer survivor, CustomerMergeRecord record)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(record);
        return new Card($"Merged into {survivor.DisplayName}",
            record.ExplanationLines.Select(line => (CardBlock)new CardText(line)).ToList(),
            [CardButton.For("Open the record", "find", ("customerId", survivor.Id.Value.ToString()))]);
    }
}
