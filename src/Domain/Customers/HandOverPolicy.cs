using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Customers;

/// <summary>What happens to a customer's open cases assigned to the previous owner when the customer is handed over.</summary>
public enum OpenCasesOnHandOver
{
    /// <summary>They go to the new owner with the customer (the default: the account has one person to answer for it).</summary>
    MoveToNewOwner,

    /// <summary>They stay with whoever works them (a support desk that assigns cases by queue, not by account).</summary>
    StayWithAssignee,
}

/// <summary>What happens to a customer's open follow-up promised by the previous owner when the customer is handed over.</summary>
public enum OpenFollowUpsOnHandOver
{
    /// <summary>The new owner keeps the promise (the default: whoever owns the account now answers for getting back to them).</summary>
    MoveToNewOwner,

    /// <summary>It stays with whoever promised it (a rep still in the company who wants to close what they started).</summary>
    StayWithAuthor,
}

/// <summary>What moves with customers handed to a new owner besides the customers themselves.</summary>
public sealed record HandOverRules(OpenCasesOnHandOver OpenCases, OpenFollowUpsOnHandOver OpenFollowUps)
{
    /// <summary>Everything open moves with the customer.</summary>
    public static HandOverRules Default { get; } = new(OpenCasesOnHandOver.MoveToNewOwner, OpenFollowUpsOnHandOver.MoveToNewOwner);
}

/// <summary>
/// Who may hand customers over, and to whom. A manager hands over the book of someone who reports to them (or their
/// own); an admin hands over anyone's whole book (a rep leaving), but, seeing no customer records, names no single
/// customer. The one who receives must be active, someone else, and in a role that owns customers.
/// </summary>
public static class HandOverPolicy
{
    private static readonly LocalizedText OnlyManagers = new("handing customers over is for managers and admins.",
        "traspasar clientes es cosa de responsables y administradores.");

    /// <summary>Why <paramref name="actor"/> may not hand over <paramref name="owner"/>'s whole book; null when they may.</summary>
    public static LocalizedText? RefusalForBook(User actor, User owner)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(owner);
        return actor.Role switch
        {
            UserRole.Admin => null,
            UserRole.Manager when owner.Id == actor.Id || owner.ManagerId == actor.Id => null,
            UserRole.Manager => new LocalizedText($"{owner.DisplayName} does not report to you; ask their manager or an admin.",
                $"{owner.DisplayName} no depende de ti; pídeselo a su responsable o a un administrador."),
            _ => OnlyManagers,
        };
    }

    /// <summary>Why <paramref name="actor"/> may not hand over one customer they see as <paramref name="grant"/>; null when they may.</summary>
    public static LocalizedText? RefusalForCustomer(User actor, AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(grant);
        if (actor.Role != UserRole.Manager)
            return actor.Role == UserRole.Admin
                ? new LocalizedText("admins hand over a whole book (\"reassign all from <person> to <person>\"), not single customers they cannot see.",
                    "los administradores traspasan una cartera entera (\"reasignar todos de <persona> a <persona>\"), no clientes sueltos que no pueden ver.")
                : OnlyManagers;
        return grant.Allows(CustomerField.All) ? null
            : new LocalizedText("only the manager of the customer's owner may hand it over.", "solo el responsable del propietario del cliente puede traspasarlo.");
    }

    /// <summary>Why <paramref name="heir"/> may not receive customers now owned by <paramref name="owner"/>; null when they may.</summary>
    public static LocalizedText? RefusalToReceive(User heir, UserId? owner)
    {
        ArgumentNullException.ThrowIfNull(heir);
        if (!heir.IsActive)
            return new LocalizedText($"{heir.DisplayName} is deactivated.", $"{heir.DisplayName} está dado de baja.");
        if (heir.Id == owner)
            return new LocalizedText($"{heir.DisplayName} already owns them.", $"{heir.DisplayName} ya es su propietario.");
        return NeedToKnowPolicy.MayWorkCases(heir.Role) ? null
            : new LocalizedText($"{heir.DisplayName} is not in a role that owns customers; name a sales rep, support agent or manager.",
                $"{heir.DisplayName} no tiene un rol que pueda tener clientes; indica un comercial, un agente de soporte o un responsable.");
    }
}
