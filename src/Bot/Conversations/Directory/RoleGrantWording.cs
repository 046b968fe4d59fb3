using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>What an admin is told when the role they gave waits for a second admin (any feature that gives roles says it the same way).</summary>
public static class RoleGrantWording
{
    public static LocalizedText Waiting(string name) => new(
        $"The admin or privacy officer role for {name} waits for a second admin: another admin confirms it with \"admin pending\". Until then {name} keeps their role.",
        $"El rol de administrador o delegado de privacidad para {name} espera a un segundo administrador: otro administrador lo confirma con \"admin pendientes\". Hasta entonces {name} mantiene su rol.");
}
