using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers.HandOver;

namespace ChatCrm.Bot.Features.HandOver;

/// <summary>The confirmation a hand-over asks for (with the count), and the message the new owner gets.</summary>
public static class HandOverCards
{
    public const string ConfirmVerb = "handover-confirm";
    public const string CancelVerb = "handover-cancel";
    public const string BookOfKey = "bookOf";
    public const string CustomerKey = "customer";
    public const string HeirKey = "heir";
    public const string CountKey = "count";

    /// <summary>"Hand over N customers from Ana to Luis?" with Confirm and Cancel; <paramref name="changedFrom"/> is the count shown before, when it changed.</summary>
    public static Card ConfirmBook(User owner, User heir, int count, HandOverRules rules, LanguageCode language, int? changedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(heir);
        ArgumentNullException.ThrowIfNull(rules);
        var body = new List<CardBlock>();
        if (changedFrom is { } before)
            body.Add(new CardText(language.Pick($"The count changed since you asked ({before} then, {count} now): confirm again.",
                $"El número cambió desde que lo pediste ({before} entonces, {count} ahora): vuelve a confirmar."), TextEmphasis.Warning));
        body.Add(new CardFacts([
            new(language.Pick("From", "De"), owner.DisplayName),
            new(language.Pick("To", "A"), heir.DisplayName),
            new(language.Pick("Customers", "Clientes"), count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(language.Pick("Open cases", "Casos abiertos"), CasesRule(rules.OpenCases, owner, language)),
            new(language.Pick("Open follow-ups", "Seguimientos pendientes"), FollowUpsRule(rules.OpenFollowUps, owner, language)),
        ]));
        return new Card(language.Pick($"Hand over {count} customer{(count == 1 ? string.Empty : "s")}?", $"¿Traspasar {count} cliente{(count == 1 ? string.Empty : "s")}?"), body,
            Buttons((BookOfKey, owner.Id.Value.ToString()), heir, count, language));
    }

    /// <summary>"Hand María Núñez over to Luis?" with Confirm and Cancel.</summary>
    public static Card ConfirmCustomer(Customer customer, string? ownerName, User heir, HandOverRules rules, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(heir);
        ArgumentNullException.ThrowIfNull(rules);
        var owner = ownerName ?? language.Pick("nobody", "nadie");
        return new Card(language.Pick($"Hand {customer.DisplayName} over to {heir.DisplayName}?", $"¿Traspasar {customer.DisplayName} a {heir.DisplayName}?"), [
            new CardFacts([
                new(language.Pick("Owner now", "Propietario actual"), owner),
                new(language.Pick("New owner", "Nuevo propietario"), heir.DisplayName),
                new(language.Pick("Open cases", "Casos abiertos"), CasesRule(rules.OpenCases, null, language)),
                new(language.Pick("Open follow-up", "Seguimiento pendiente"), FollowUpsRule(rules.OpenFollowUps, null, language)),
            ]),
        ], Buttons((CustomerKey, customer.Id.Value.ToString()), heir, 1, language));
    }

    /// <summary>The new owner's one message about what they received.</summary>
    public static string Notice(HandOverNotice notice, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var names = string.Join(", ", notice.FirstNames);
        var more = notice.Customers - notice.FirstNames.Count;
        var list = more > 0 ? language.Pick($"{names} and {more} more", $"{names} y {more} más") : names;
        var from = notice.FromName is { } name ? language.Pick($" from {name}", $" de {name}") : string.Empty;
        var also = AlsoMoved(notice.CasesMoved, notice.FollowUpsMoved);
        var cases = also is null ? string.Empty
            : language.Pick($" With them: {also.English}.", $" Con ellos: {also.Spanish}.");
        return language.Pick(
            $"{notice.ByName} handed you {notice.Customers} customer{(notice.Customers == 1 ? string.Empty : "s")}{from}: {list}.{cases} Type \"find\" and a name to open one.",
            $"{notice.ByName} te ha traspasado {notice.Customers} cliente{(notice.Customers == 1 ? string.Empty : "s")}{from}: {list}.{cases} Escribe \"buscar\" y un nombre para abrir uno.");
    }

    /// <summary>"2 open cases and 1 open follow-up": what came with the customers; null when nothing did.</summary>
    public static LocalizedText? AlsoMoved(int cases, int followUps)
    {
        var parts = new List<LocalizedText>();
        if (cases > 0)
            parts.Add(new LocalizedText($"{cases} open case{(cases == 1 ? string.Empty : "s")}", $"{cases} caso{(cases == 1 ? string.Empty : "s")} abierto{(cases == 1 ? string.Empty : "s")}"));
        if (followUps > 0)
            parts.Add(new LocalizedText($"{followUps} open follow-up{(followUps == 1 ? string.Empty : "s")}",
                $"{followUps} seguimiento{(followUps == 1 ? string.Empty : "s")} pendiente{(followUps == 1 ? string.Empty : "s")}"));
        return parts.Count == 0 ? null
            : new LocalizedText(string.Join(" and ", parts.Select(p => p.English)), string.Join(" y ", parts.Select(p => p.Spanish)));
    }

    private static string FollowUpsRule(OpenFollowUpsOnHandOver rule, User? owner, LanguageCode language) => rule == OpenFollowUpsOnHandOver.MoveToNewOwner
        ? owner is null
            ? language.Pick("the one the owner now promised goes too", "el que prometió el propietario actual también pasa")
            : language.Pick($"those {owner.DisplayName} promised go too", $"los que prometió {owner.DisplayName} también pasan")
        : language.Pick("stay with whoever promised them", "se quedan con quien los prometió");

    private static string CasesRule(OpenCasesOnHandOver rule, User? owner, LanguageCode language) => rule == OpenCasesOnHandOver.MoveToNewOwner
        ? owner is null
            ? language.Pick("those assigned to the owner now go too", "los asignados al propietario actual también pasan")
            : language.Pick($"those assigned to {owner.DisplayName} go too", $"los asignados a {owner.DisplayName} también pasan")
        : language.Pick("stay with whoever works them", "se quedan con quien los lleva");

    private static IReadOnlyList<CardButton> Buttons((string Key, string Value) subject, User heir, int count, LanguageCode language) =>
    [
        CardButton.For(language.Pick("Confirm", "Confirmar"), ConfirmVerb, subject, (HeirKey, heir.Id.Value.ToString()),
            (CountKey, count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        CardButton.For(language.Pick("Cancel", "Cancelar"), CancelVerb),
    ];
}
