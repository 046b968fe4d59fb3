using System.Globalization;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>The Slack app as configured and installed: switches, secrets set or not, usable workspace installations.</summary>
public sealed class SlackSetupReport(CrmDbContext db, IOptions<SlackOptions> options, IOptions<DirectoryOptions> directory) : IChannelSetupReport
{
    public async Task<ChannelSetup> ReadAsync(CancellationToken cancellationToken)
    {
        var installs = await db.SlackInstallations.Where(i => i.RetiredAt == null && i.ProtectedBotToken != null)
            .Select(i => new { Rotating = i.ProtectedRefreshToken != null }).ToListAsync(cancellationToken);
        return Describe(options.Value, installs.Count, installs.Count(i => i.Rotating), directory.Value.LinkableEmailDomains.Count);
    }

    /// <param name="workspaces">Workspaces installed through OAuth whose token is usable.</param>
    /// <param name="rotating">Of those, how many have token rotation on (a refresh token stored).</param>
    /// <param name="emailDomains">How many e-mail domains <c>Directory:AllowedEmailDomains</c> allows.</param>
    public static ChannelSetup Describe(SlackOptions options, int workspaces, int rotating, int emailDomains = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = workspaces.ToString(CultureInfo.InvariantCulture);
        return new ChannelSetup("Slack",
        [
            new(new("Enabled", "Activado"), SetupWording.YesNo(options.Enabled)),
            new(new("Signing secret", "Secreto de firma"), SetupWording.Set(!string.IsNullOrWhiteSpace(options.SigningSecret))),
            new(new("Single-workspace bot token", "Token de bot de un solo espacio"), SetupWording.Set(!string.IsNullOrWhiteSpace(options.BotToken))),
            new(new("OAuth install", "Instalación OAuth"), SetupWording.YesNo(options.CanInstall)),
            new(new("Installed workspaces", "Espacios de trabajo instalados"), new(count, count)),
            new(new("Token rotation on", "Rotación de tokens activa"), new($"{rotating} of {workspaces}", $"{rotating} de {workspaces}")),
            new(new("Linking accounts by e-mail", "Vincular cuentas por e-mail"), Linking(options.LinkableWorkspaces.Count, emailDomains)),
        ]);
    }

    /// <summary>Off (and why) unless both an allowed workspace and an allowed e-mail domain are configured.</summary>
    public static LocalizedText Linking(int workspaces, int emailDomains) => (workspaces, emailDomains) switch
    {
        (0, _) => new("off: no allowed workspace (Slack:AllowedWorkspaces)", "desactivado: ningún espacio de trabajo permitido (Slack:AllowedWorkspaces)"),
        (_, 0) => new("off: no allowed e-mail domain (Directory:AllowedEmailDomains)", "desactivado: ningún dominio de e-mail permitido (Directory:AllowedEmailDomains)"),
        _ => new($"full members only: {workspaces} workspace(s), {emailDomains} e-mail domain(s)",
            $"solo miembros completos: {workspaces} espacio(s) de trabajo, {emailDomains} dominio(s) de e-mail"),
    };
}
