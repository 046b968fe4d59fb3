using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// "admin slack install-link" / "admin slack enlace": a single-use link to install ChatCrm into one more Slack workspace
/// (<see cref="SlackInstallLinks"/>), shown only to the admin who asked, from Teams or Slack. Reached through "admin",
/// which has already refused anyone who is not an admin; issuing is audited.
/// </summary>
public sealed class SlackInstallLinkCommand(SlackInstallLinks links) : IAdminSubcommand
{
    private static readonly HashSet<string> LinkWords = new(StringComparer.Ordinal) { "installlink", "install", "enlace", "instalar", "enlacedeinstalacion" };

    public IReadOnlyList<string> Words { get; } = ["slack"];

    public async Task RunAsync(TurnContext context, string word, IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rest);
        var language = context.Language;
        var asked = string.Concat(rest.Select(SearchText.Fold)).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!LinkWords.Contains(asked))
        {
            context.Say("Type \"admin slack install-link\" for a single-use link that installs ChatCrm into a Slack workspace.",
                "Escribe \"admin slack enlace\" para obtener un enlace de un solo uso que instala ChatCrm en un espacio de trabajo de Slack.");
            return;
        }
        var issued = await links.IssueAsync(context.User.Id, context.Turn.Channel.ToString(), context.CancellationToken);
        if (issued is not { } link)
        {
            context.Say("The Slack install is not set up here: it needs Slack:ClientId, Slack:ClientSecret and Slack:OAuthRedirectUrl.",
                "La instalación de Slack no está configurada aquí: necesita Slack:ClientId, Slack:ClientSecret y Slack:OAuthRedirectUrl.");
            return;
        }
        var minutes = ((int)Math.Ceiling(link.Lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        context.Show(new Card(language.Pick("Slack install link", "Enlace de instalación de Slack"),
        [
            new CardText(language.Pick(
                $"This link installs ChatCrm into one Slack workspace. It works once, for {minutes} minutes: open it yourself, or give it only to the Slack admin who will install. Using it is recorded in the audit trail.",
                $"Este enlace instala ChatCrm en un espacio de trabajo de Slack. Funciona una sola vez, durante {minutes} minutos: ábrelo tú o dáselo solo al administrador de Slack que vaya a instalarlo. Su uso queda registrado en la auditoría.")),
        ],
        []) { Links = [new CardLink(language.Pick("Install ChatCrm in Slack", "Instalar ChatCrm en Slack"), link.Address)] });
    }
}
