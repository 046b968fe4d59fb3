using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Access;

/// <summary>
/// Access as needed, not access for all:
/// <list type="bullet">
/// <item>a rep sees the full record of their own and their team's customers, and only basic contact data of others;</item>
/// <item>a support agent sees service data and cases, but not revenue, tiers or held-back offers;</item>
/// <item>a manager sees the full record of the customers their team (the reps reporting to them) owns, and basic contact data of others;</item>
/// <item>an admin manages configuration, not customer content;</item>
/// <item>a privacy officer sees who the customer is and their privacy preferences, and alone may export or erase.</item>
/// </list>
/// </summary>
public static class NeedToKnowPolicy
{
    public static AccessGrant Decide(User viewer, CustomerAccessFacts customer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(customer);
        return viewer.Role switch
        {
            UserRole.SalesRep when customer.OwnerId == viewer.Id => new(CustomerField.All, new LocalizedText("you own this account", "eres el propietario de esta cuenta")),
            UserRole.SalesRep when SameTeam(viewer, customer) => new(CustomerField.All,
                new LocalizedText($"your team ({viewer.Team}) owns this account", $"tu equipo ({viewer.Team}) es el propietario de esta cuenta")),
            UserRole.SalesRep => new(CustomerField.BasicContact, NotYours(customer)),
            UserRole.Manager when customer.OwnerManagerId == viewer.Id || customer.OwnerId == viewer.Id =>
                new(CustomerField.All, new LocalizedText("a rep reporting to you owns this account", "la cuenta es de un comercial a tu cargo")),
            UserRole.Manager => new(CustomerField.BasicContact, NotYours(customer)),
            UserRole.SupportAgent => new(CustomerField.Service, new LocalizedText(
                "support sees service data, not revenue, tiers or held-back offers",
                "soporte ve los datos de servicio, no la facturación, los niveles ni las ofertas retenidas")),
            UserRole.PrivacyOfficer => new(CustomerField.BasicContact | CustomerField.Consents, new LocalizedText(
                "privacy officers see who the customer is and their privacy preferences",
                "los responsables de privacidad ven quién es el cliente y sus preferencias de privacidad")),
            _ => new(CustomerField.None, new LocalizedText(
                "admins manage ChatCrm's configuration, not customer records",
                "los administradores gestionan la configuración de ChatCrm, no las fichas de clientes")),
        };
    }

    /// <summary>Searching shows names and companies: everyone who may see basic contact data may search.</summary>
    public static bool MayLookUpCustomers(User viewer) =>
        Decide(viewer, CustomerAccessFacts.Unowned).Allows(CustomerField.Identity);

    /// <summary>Only the privacy officer answers a customer's request to see or erase their data.</summary>
    public static bool MayExportOrErase(User viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role == UserRole.PrivacyOfficer;
    }

    /// <summary>Logging adds to a record without revealing it; everyone who talks to customers may log.</summary>
    public static bool MayLogInteractions(User viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role is UserRole.SalesRep or UserRole.SupportAgent or UserRole.Manager;
    }

    /// <summary>
    /// A case queue and opening cases are for the people who work cases with customers; admins and privacy
    /// officers do not. Which customer a case may be opened for is still the customer's grant (<see cref="CustomerField.Cases"/>).
    /// </summary>
    public static bool MayWorkCases(User viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return MayWorkCases(viewer.Role);
    }

    /// <summary>Support cases are worked by the people who talk to customers.</summary>
    public static bool MayWorkCases(UserRole role) => role is UserRole.SalesRep or UserRole.SupportAgent or UserRole.Manager;

    /// <summary>Merging two records moves everything of one into the other: it needs the full view of both.</summary>
    public static bool MayMerge(User viewer, CustomerAccessFacts first, CustomerAccessFacts second) =>
        Decide(viewer, first).Allows(CustomerField.All) && Decide(viewer, second).Allows(CustomerField.All);

    private static bool SameTeam(User viewer, CustomerAccessFacts customer) =>
        viewer.Team is not null && string.Equals(viewer.Team, customer.OwnerTeam, StringComparison.Ordinal);

    private static LocalizedText NotYours(CustomerAccessFacts customer) => customer.OwnerId is null
        ? new LocalizedText("nobody owns this account yet, so only basic contact data is shared",
            "esta cuenta aún no tiene propietario, así que solo se comparten los datos básicos de contacto")
        : customer.OwnerTeam is { } team
            ? new LocalizedText($"the account belongs to the {team} team, so only basic contact data is shared",
                $"la cuenta es del equipo {team}, así que solo se comparten los datos básicos de contacto")
            : new LocalizedText("the account belongs to another rep, so only basic contact data is shared",
                "la cuenta es de otro comercial, así que solo se comparten los datos básicos de contacto");
}
