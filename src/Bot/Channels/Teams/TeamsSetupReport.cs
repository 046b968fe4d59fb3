using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Domain.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>The Azure Bot registration as set in configuration: app type, and whether the id, password and tenant are set.</summary>
public sealed class TeamsSetupReport(IOptions<BotCredentials> credentials) : IChannelSetupReport
{
    public Task<ChannelSetup> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Describe(credentials.Value));

    public static ChannelSetup Describe(BotCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var type = credentials.MicrosoftAppType;
        return new ChannelSetup("Teams",
        [
            new(new("Bot registration", "Registro del bot"), credentials.IsConfigured
                ? new($"{type}, app id set", $"{type}, id de aplicación configurado")
                : new("no app id: only local tools can talk to the bot", "sin id de aplicación: solo las herramientas locales pueden hablar con el bot")),
            new(new("App password", "Contraseña de la aplicación"), SetupWording.Set(!string.IsNullOrWhiteSpace(credentials.MicrosoftAppPassword))),
            new(new("Tenant id", "Id de inquilino"), SetupWording.Set(!string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))),
        ]);
    }
}
