using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// "admin …": the admin role's commands, the same in Teams and Slack — status, map, digest, consent, and the
/// sub-commands other rooms bring (<see cref="IAdminSubcommand"/>: "admin users", "admin user …"). Anyone else is told
/// politely that these are an administrator's, and the attempt is audited; an unknown sub-command gets the list.
/// </summary>
public sealed class AdminCommand(AdminStatusReader status, AdminMapCommand map, AdminDigestCommand digest, ConsentPolicyTable policies, AuditTrail audit,
    IEnumerable<IAdminSubcommand> subcommands) : IChatCommand
{
    public static CommandSpec Spec { get; } = new("admin", ["admin"], []);

    async Task<DialogState?> IChatCommand.RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        await RunAsync(context, argument);
        return state;
    }


    public async Task RunAsync(TurnContext context, string? argument)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = AdminRequest.Parse(argument);
        var other = request.Subcommand == AdminSubcommand.Unknown
            ? subcommands.FirstOrDefault(s => s.Words.Contains(SearchText.Fold(request.Word), StringComparer.Ordinal))
            : null;
        if (context.User.Role != UserRole.Admin)
        {
            var what = other is not null ? SearchText.Fold(request.Word) : request.Subcommand.ToString().ToLowerInvariant();
            audit.Record(context, AuditAction.AdminCommandRefused, $"admin {what}; role {context.User.Role}");
            context.Say("Admin commands are for ChatCrm administrators. If you need an account linked or a digest set, ask your administrator.",
                "Las órdenes de administración son para los administradores de ChatCrm. Si necesitas vincular una cuenta o programar un resumen, pídeselo a tu administrador.");
            return;
        }
        switch (request.Subcommand)
        {
            case AdminSubcommand.Status:
                var view = await status.ReadAsync(context.CancellationToken);
                audit.Record(context, AuditAction.ViewedAdminStatus, "status");
                context.Show(AdminCards.Status(view, context.User.ResolveTimeZone(), context.Language));
                return;
            case AdminSubcommand.Map:
                // Linking names staff only, and is done where the newcomer can be @mentioned: a channel may see it.
                context.GroupSafe = true;
                await map.RunAsync(context, request.Words);
                return;
            case AdminSubcommand.Digest:
                await digest.RunAsync(context, request.Words);
                return;
            case AdminSubcommand.Consent:
                ShowConsent(context, request.Words);
                return;
            case AdminSubcommand.Unknown when other is not null:
                await other.RunAsync(context, SearchText.Fold(request.Word), request.Words);
                return;
            default:
                context.Show(AdminCards.Help(context.Language, request.Word));
                return;
        }
    }

    private void ShowConsent(TurnContext context, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            audit.Record(context, AuditAction.ViewedConsentPolicy, "consent: countries with special rules");
            context.Show(AdminConsentCards.Countries(policies, context.Language));
            return;
        }
        if (!CountryCode.TryParse(words[0], out var country))
        {
            context.Say(new LocalizedText(
                $"\"{words[0]}\" is not a two-letter country code (ISO 3166), such as ES, MX or US.",
                $"\"{words[0]}\" no es un código de país de dos letras (ISO 3166), como ES, MX o US."));
            return;
        }
        audit.Record(context, AuditAction.ViewedConsentPolicy, $"consent {country.Value}");
        context.Show(AdminConsentCards.Policy(policies.For(country), context.Language));
    }
}
