using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Access;

/// <summary>Who owns a customer a support agent adds (agents do not choose): a setting, <see cref="Unowned"/> unless configured.</summary>
public enum SupportOwnerRule
{
    /// <summary>Nobody owns it until a manager hands it to a rep; support serves it meanwhile (support's view does not depend on the owner).</summary>
    Unowned = 0,

    /// <summary>The agent who added it.</summary>
    Agent = 1,

    /// <summary>One configured user (an inbound sales desk, say).</summary>
    Designated = 2,
}

/// <summary>Who a new customer's owner is, or why the one asked for cannot be.</summary>
public sealed record OwnerDecision(UserId? Owner, LocalizedText? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static OwnerDecision Owned(UserId? owner) => new(owner, null);

    public static OwnerDecision Refused(LocalizedText why) => new(null, why);
}

/// <summary>
/// Keeping customer records right from chat, as need-to-know allows: the people who talk to customers (reps, support
/// agents, managers) add customers; a rep gives the new customer to themselves or a rep of their team, a manager to
/// themselves or someone reporting to them, and a support agent does not choose (the <see cref="SupportOwnerRule"/>
/// does). Correcting a record (name, company, country, language, handles) needs the view that serves the customer:
/// the owner, their team and manager, and support.
/// </summary>
public static class CustomerUpkeepPolicy
{
    public static bool MayCreate(User viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role is UserRole.SalesRep or UserRole.SupportAgent or UserRole.Manager;
    }

    /// <summary>Why this person may not add customers (their role), or null when they may.</summary>
    public static LocalizedText? CreateRefusal(User viewer) => MayCreate(viewer) ? null : new LocalizedText(
        "adding customers is for the people who talk to them (reps, support agents and managers)",
        "añadir clientes es cosa de quienes hablan con ellos (comerciales, agentes de soporte y responsables)");

    /// <summary>Whether the viewer may choose the owner of a customer they add (support agents do not: a rule does).</summary>
    public static bool ChoosesOwner(User viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role is UserRole.SalesRep or UserRole.Manager;
    }

    /// <summary>
    /// The owner of a customer <paramref name="creator"/> adds: <paramref name="named"/> (null: "me") when the creator may
    /// give customers to them; for a support agent, what <paramref name="rule"/> says (<paramref name="designated"/> is the
    /// configured user for <see cref="SupportOwnerRule.Designated"/>).
    /// </summary>
    public static OwnerDecision DecideOwner(User creator, User? named, SupportOwnerRule rule, User? designated)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (!MayCreate(creator))
            return OwnerDecision.Refused(CreateRefusal(creator)!);
        if (!ChoosesOwner(creator))
        {
            return rule switch
            {
                SupportOwnerRule.Agent => OwnerDecision.Owned(creator.Id),
                SupportOwnerRule.Designated when designated is { IsActive: true } => OwnerDecision.Owned(designated.Id),
                SupportOwnerRule.Designated => OwnerDecision.Refused(new LocalizedText(
                    "the user set up to own customers added by support is missing or deactivated; ask an admin",
                    "falta o está de baja la persona configurada como propietaria de los clientes que añade soporte; avisa a un administrador")),
                _ => OwnerDecision.Owned(null),
            };
        }
        if (named is null || named.Id == creator.Id)
            return OwnerDecision.Owned(creator.Id);
        if (!named.IsActive || named.Role is not (UserRole.SalesRep or UserRole.Manager))
            return OwnerDecision.Refused(new LocalizedText($"{named.DisplayName} cannot own customers (only active reps and managers do)",
                $"{named.DisplayName} no puede tener clientes (solo los comerciales y responsables en activo)"));
        var allowed = creator.Role == UserRole.Manager
            ? named.ManagerId == creator.Id
            : creator.Team is not null && string.Equals(named.Team, creator.Team, StringComparison.Ordinal);
        return allowed
            ? OwnerDecision.Owned(named.Id)
            : OwnerDecision.Refused(creator.Role == UserRole.Manager
                ? new LocalizedText($"you can give customers to yourself or to someone reporting to you, and {named.DisplayName} does not",
                    $"puedes dar clientes a ti o a alguien a tu cargo, y {named.DisplayName} no lo está")
                : new LocalizedText($"you can give customers to yourself or to a rep of your team, and {named.DisplayName} is not in it",
                    $"puedes dar clientes a ti o a un comercial de tu equipo, y {named.DisplayName} no está en él"));
    }

    /// <summary>Correcting a record needs the view that serves the customer (owner, their team and manager, support).</summary>
    public static bool MayCorrect(User viewer, CustomerAccessFacts customer) =>
        NeedToKnowPolicy.Decide(viewer, customer).Allows(CustomerField.Service);
}
