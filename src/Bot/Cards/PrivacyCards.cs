using System.Globalization;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Privacy;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards for customers' data requests: an export ready to download, and erasure with its confirmation.</summary>
public static class PrivacyCards
{
    public static Card ExportReady(Customer customer, Uri link)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new Card($"Export for {customer.DisplayName}",
        [
            new CardText("Everything ChatCrm holds about this customer — record, handles, interactions, orders, consents and who viewed the record — as one JSON document."),
            new CardText("The link works for a short time and only for you; the download is recorded in the customer's audit trail.", TextEmphasis.Subtle),
        ],
        []) { Links = [new CardLink("Download the export", link)] };
    }

    public static Card ConfirmErasure(Customer customer, string verb, (string Key, string Value) issuedAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var description = customer.Company is { } company ? $"{customer.DisplayName} ({company})" : customer.DisplayName;
        return new Card("Erase a customer's personal data?",
        [
            new CardText($"This anonymises {description}: the name, company and every e-mail, phone and other handle are removed, and what was said in each interaction is redacted."),
            new CardText("Orders, dates and the audit trail stay, so totals keep adding up. This cannot be undone.", TextEmphasis.Warning),
        ],
        [CardButton.For("Erase for good", verb, ("customerId", customer.Id.Value.ToString()), issuedAt)]);
    }

    public static Card Erased(ErasureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Card($"{report.FormerName} has been erased",
        [
            new CardFacts(
            [
                new CardFact("Handles removed", report.HandlesRemoved.ToString(CultureInfo.InvariantCulture)),
                new CardFact("Interactions redacted", report.InteractionsRedacted.ToString(CultureInfo.InvariantCulture)),
                new CardFact("Orders kept (anonymous)", report.OrdersKept.ToString(CultureInfo.InvariantCulture)),
            ]),
        ],
        []);
    }
}
