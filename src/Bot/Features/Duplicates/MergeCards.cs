using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Customers;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;

namespace ChatCrm.Bot.Features.Duplicates;

/// <summary>Cards for one customer split over several records: the likely duplicates, and a merge's explanation.</summary>
public static class MergeCards
{
    public static Card Duplicates(Customer customer, IReadOnlyList<DuplicateSuspicion> suspicions, string verb, string duplicateIdKey,
        LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(suspicions);
        if (suspicions.Count == 0)
        {
            return new Card(language.Pick($"No likely duplicates of {customer.DisplayName}", $"Sin duplicados probables de {customer.DisplayName}"),
                [new CardText(language.Pick(
                    "No other record has the same name at the same company, or the same name in the same country.",
                    "Ninguna otra ficha tiene el mismo nombre en la misma empresa, ni el mismo nombre en el mismo país."))], []);
        }

        var body = new List<CardBlock>
        {
            new CardText(language.Pick(
                "These records look like the same customer. Merging moves every handle, interaction, order and consent into this record; where consents disagree, the more restrictive wins.",
                "Estas fichas parecen el mismo cliente. Fusionar mueve cada identificador, interacción, pedido y consentimiento a esta ficha; si los consentimientos no coinciden, gana el más restrictivo.")),
            new CardFacts(suspicions.Select((s, i) => new CardFact($"{i + 1}",
                $"{CustomerCards.Describe(s.Candidate)} — {string.Join(", ", s.Reasons.Select(r => r.In(language)))}")).ToList()),
        };
        var id = customer.Id.Value.ToString();
        var buttons = suspicions
            .Select((s, i) => CardButton.For(language.Pick($"Merge {i + 1} into this record", $"Fusionar {i + 1} en esta ficha"), verb,
                ("customerId", id), (duplicateIdKey, s.Candidate.Id.Value.ToString())))
            .ToList();
        return new Card(language.Pick($"Possible duplicates of {customer.DisplayName}", $"Posibles duplicados de {customer.DisplayName}"), body, buttons)
        { Subtitle = customer.Company };
    }

    /// <summary>The merge and its explanation; the explanation is the record kept with the merge, shown as it was written.</summary>
    public static Card Merged(Customer survivor, CustomerMergeRecord record, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(record);
        return new Card(language.Pick($"Merged into {survivor.DisplayName}", $"Fusionado en {survivor.DisplayName}"),
            record.ExplanationLines.Select(line => (CardBlock)new CardText(line)).ToList(),
            [CardButton.For(language.Pick("Open the record", "Abrir la ficha"), CustomerVerbs.Find, ("customerId", survivor.Id.Value.ToString()))]);
    }
}
