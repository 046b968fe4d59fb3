using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Users;

/// <summary>Whether a role change may go ahead, and if not, why (in both languages).</summary>
public sealed record RoleChangeDecision(bool Allowed, LocalizedText? Reason)
{
    public static RoleChangeDecision Allow { get; } = new(true, null);

    public static RoleChangeDecision Refuse(LocalizedText reason) => new(false, reason);
}

/// <summary>
/// The rules for giving someone a role from chat: a role has to be one ChatCrm knows (its English or Spanish word), and
/// the last admin cannot be demoted, or nobody would be left who can put things right.
/// </summary>
public static class RoleChangeRule
{
    private static readonly Dictionary<string, UserRole> Words = new(StringComparer.Ordinal)
    {
        ["rep"] = UserRole.SalesRep, ["salesrep"] = UserRole.SalesRep, ["sales"] = UserRole.SalesRep, ["comercial"] = UserRole.SalesRep,
        ["vendedor"] = UserRole.SalesRep,
        ["support"] = UserRole.SupportAgent, ["supportagent"] = UserRole.SupportAgent, ["agent"] = UserRole.SupportAgent,
        ["soporte"] = UserRole.SupportAgent, ["agente"] = UserRole.SupportAgent,
        ["manager"] = UserRole.Manager, ["responsable"] = UserRole.Manager, ["jefe"] = UserRole.Manager, ["gerente"] = UserRole.Manager,
        ["admin"] = UserRole.Admin, ["administrator"] = UserRole.Admin, ["administrador"] = UserRole.Admin,
        ["privacy"] = UserRole.PrivacyOfficer, ["privacyofficer"] = UserRole.PrivacyOfficer, ["dpo"] = UserRole.PrivacyOfficer,
        ["privacidad"] = UserRole.PrivacyOfficer, ["delegado"] = UserRole.PrivacyOfficer,
    };

    /// <summary>The words an admin may type for the roles, for the answer to an unknown one.</summary>
    public static LocalizedText KnownWords { get; } = new(
        "rep, support, manager, admin, privacy", "comercial, soporte, responsable, administrador, privacidad");

    /// <summary>Reads a role word (case, accents, spaces and punctuation ignored); false when it names no role.</summary>
    public static bool TryParse(string? word, out UserRole role) =>
        Words.TryGetValue(SearchText.Fold(word).Replace(" ", string.Empty, StringComparison.Ordinal), out role);

    /// <param name="target">The user whose role would change.</param>
    /// <param name="role">The role they would get.</param>
    /// <param name="adminCount">How many users hold the admin role now (the target included, if they are one).</param>
    public static RoleChangeDecision Decide(User target, UserRole role, int adminCount)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Role == UserRole.Admin && role != UserRole.Admin && adminCount <= 1)
        {
            return RoleChangeDecision.Refuse(new(
                $"{target.DisplayName} is the last admin: give someone else the admin role first, so that somebody can still run ChatCrm.",
                $"{target.DisplayName} es el último administrador: da antes el rol de administrador a otra persona, para que alguien pueda seguir gestionando ChatCrm."));
        }
        return RoleChangeDecision.Allow;
    }

    /// <param name="target">The user who would be deactivated.</param>
    /// <param name="activeAdminCount">How many active users hold the admin role now (the target included, if they are one).</param>
    public static RoleChangeDecision DecideDeactivation(User target, int activeAdminCount)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsActive)
        {
            return RoleChangeDecision.Refuse(new(
                $"{target.DisplayName} is already deactivated.",
                $"{target.DisplayName} ya está dado de baja."));
        }
        if (target.Role == UserRole.Admin && activeAdminCount <= 1)
        {
            return RoleChangeDecision.Refuse(new(
                $"{target.DisplayName} is the last admin: give someone else the admin role first, so that somebody can still run ChatCrm.",
                $"{target.DisplayName} es el último administrador: da antes el rol de administrador a otra persona, para que alguien pueda seguir gestionando ChatCrm."));
        }
        return RoleChangeDecision.Allow;
    }

    /// <summary>The role's name for people, in both languages.</summary>
    public static LocalizedText Name(UserRole role) => role switch
    {
        UserRole.SalesRep => new("sales rep", "comercial"),
        UserRole.SupportAgent => new("support agent", "agente de soporte"),
        UserRole.Manager => new("manager", "responsable de equipo"),
        UserRole.Admin => new("admin", "administrador"),
        UserRole.PrivacyOfficer => new("privacy officer", "delegado de privacidad"),
        _ => new(role.ToString(), role.ToString()),
    };
}
