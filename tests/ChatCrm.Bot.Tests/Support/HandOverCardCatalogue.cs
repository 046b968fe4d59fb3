using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.HandOver;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>The hand-over confirmations for <see cref="CardCatalogue"/>, with the longest names the rules allow.</summary>
public static class HandOverCardCatalogue
{
    public static IEnumerable<(string Name, Card Card)> All(LanguageCode language)
    {
        var owner = new User(UserId.New(), new string('A', User.MaxNameLength), UserRole.SalesRep, "Iberia", "UTC", "en-US");
        var heir = new User(UserId.New(), new string('B', User.MaxNameLength), UserRole.SalesRep, "Iberia", "UTC", "en-US");
        var customer = new Customer(CustomerId.New(), new string('ñ', Customer.MaxNameLength), "Acme", CountryCode.Parse("ES"), LanguageCode.Spanish,
            DateTimeOffset.UtcNow);
        yield return ("hand-over, a whole book", HandOverCards.ConfirmBook(owner, heir, 12_345, HandOverRules.Default, language));
        yield return ("hand-over, count changed", HandOverCards.ConfirmBook(owner, heir, 3, new HandOverRules(OpenCasesOnHandOver.StayWithAssignee, OpenFollowUpsOnHandOver.StayWithAuthor), language, changedFrom: 2));
        yield return ("hand-over, one customer", HandOverCards.ConfirmCustomer(customer, owner.DisplayName, heir, HandOverRules.Default, language));
        yield return ("hand-over, one unowned customer", HandOverCards.ConfirmCustomer(customer, null, heir, new HandOverRules(OpenCasesOnHandOver.StayWithAssignee, OpenFollowUpsOnHandOver.StayWithAuthor), language));
    }
}
