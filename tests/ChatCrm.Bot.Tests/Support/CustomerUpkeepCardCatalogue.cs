using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.CustomerUpkeep;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>The customer upkeep cards for <see cref="CardCatalogue"/>: the forms at their fullest, every error shown, the duplicate offer, the answers.</summary>
public static class CustomerUpkeepCardCatalogue
{
    public static IEnumerable<(string Name, Card Card)> All(LanguageCode language)
    {
        var longest = new string('N', Customer.MaxNameLength);
        var values = new NewCustomerValues(longest, new string('C', Customer.MaxCompanyLength), new string('e', 190) + "@x.es", "+34 600 123 456 789 000",
            new string('Z', 60), "pt", new string('o', 240) + "@x.es");
        var errors = NewCustomerCards.Fields.ToDictionary(f => f, _ => new string('!', 300), StringComparer.Ordinal);
        yield return ("new customer", NewCustomerCards.Form(null, choosesOwner: true, language));
        yield return ("new customer, support", NewCustomerCards.Form(null, choosesOwner: false, language));
        yield return ("new customer, every error", NewCustomerCards.Form(values, choosesOwner: true, language, errors));
        var customer = Longest(longest);
        var others = Enumerable.Range(0, NewCustomerEntry.LookalikesShown).Select(_ => new DuplicateSuspicion(Longest(longest),
            [new LocalizedText("same name", "mismo nombre"), new LocalizedText("same company", "misma empresa")], true)).ToList();
        yield return ("new customer, likely duplicates", NewCustomerCards.Lookalikes(values, others, language));
        yield return ("new customer, created", NewCustomerCards.Created(customer, new string('O', 200), language));
        yield return ("new customer, created unowned", NewCustomerCards.Created(customer, null, language));
        var editErrors = EditCustomerCards.Fields.ToDictionary(f => f, _ => new string('!', 300), StringComparer.Ordinal);
        var typed = new EditCustomerValues(longest, new string('C', Customer.MaxCompanyLength), new string('Z', 60), "pt", new string('e', 190) + "@x.es",
            new string('9', 40), new string('L', 200), new string('X', 200), customer.Identities.First().Id.ToString());
        yield return ("edit customer", EditCustomerCards.Form(customer, 12, EditCustomerValues.Of(customer), language));
        yield return ("edit customer, every error", EditCustomerCards.Form(customer, long.MaxValue, typed, language, editErrors, new string('!', 300)));
        yield return ("edit customer, saved", EditCustomerCards.Saved(customer, changed: true, language));
        yield return ("edit customer, nothing changed", EditCustomerCards.Saved(customer, changed: false, language));
    }

    private static Customer Longest(string name)
    {
        var customer = new Customer(CustomerId.New(), name, new string('C', Customer.MaxCompanyLength), CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow);
        customer.AddIdentity(IdentityKind.Email, new string('e', 190) + "@x.es");
        customer.AddIdentity(IdentityKind.Phone, "+34 600 123 456");
        customer.AddIdentity(IdentityKind.LoyaltyNumber, new string('L', 60));
        customer.AddIdentity(IdentityKind.ExternalId, new string('X', 60));
        return customer;
    }
}
