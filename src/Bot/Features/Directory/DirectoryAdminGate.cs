using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// Keeps the directory's buttons and forms to admins, as "admin …" keeps its commands: anyone else gets the same polite
/// refusal, and the attempt is audited (<see cref="AuditAction.AdminCommandRefused"/>).
/// </summary>
public sealed class DirectoryAdminGate(AuditTrail audit)
{
    public static Domain.Common.LocalizedText Refusal { get; } = new(
        "Admin commands are for ChatCrm administrators. If you need an account linked or a digest set, ask your administrator.",
        "Las órdenes de administración son para los administradores de ChatCrm. Si necesitas vincular una cuenta o programar un resumen, pídeselo a tu administrador.");

    /// <summary>True for an admin; otherwise answers and audits the refusal of <paramref name="what"/>.</summary>
    public bool Allows(TurnContext context, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Role == UserRole.Admin)
            return true;
        audit.Record(context, AuditAction.AdminCommandRefused, $"{what}; role {context.User.Role}");
        context.Say(Refusal);
        return false;
    }

    /// <summary>The problem with a colleague named for a hand-over whom no single user matches.</summary>
    public static DirectoryProblem NobodyCalled(string? text) => new(UserFormCards.HandOverTo,
        $"No single ChatCrm user is called \"{UserInput.Cut(text)}\"; give their work e-mail or full name.",
        $"Ningún usuario de ChatCrm se llama exactamente \"{UserInput.Cut(text)}\"; indica su correo de trabajo o su nombre completo.");
}
