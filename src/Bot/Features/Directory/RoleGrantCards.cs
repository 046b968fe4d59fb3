using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>"admin pending": the admin and privacy officer grants waiting for a second admin, each with Confirm and Reject.</summary>
public static class RoleGrantCards
{
    public const string Key = "grant";

    public static Card Pending(IReadOnlyList<PendingRoleGrant> grants, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(grants);
        if (grants.Count == 0)
        {
            return new Card(language.Pick("Role requests", "Solicitudes de rol"),
                [new CardText(language.Pick("No admin or privacy officer role waits for a second admin.", "Ningún rol de administrador o delegado de privacidad espera a un segundo administrador."))], []);
        }
        var body = new List<CardBlock>
        {
            new CardText(language.Pick(
                "These roles wait for a second admin. The admin who asked cannot decide their own request.",
                "Estos roles esperan a un segundo administrador. Quien pidió un rol no puede decidir su propia solicitud.")),
        };
        foreach (var grant in grants.Take(20))
        {
            var role = RoleChangeRule.Name(grant.Request.Role);
            var asked = grant.RequestedBy?.DisplayName ?? grant.Request.RequestedByClient ?? "?";
            var when = grant.Request.RequestedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            body.Add(new CardText(language.Pick(
                $"{grant.User.DisplayName}: {RoleChangeRule.Name(grant.User.Role).English} -> {role.English} (asked by {asked}, {when})",
                $"{grant.User.DisplayName}: {RoleChangeRule.Name(grant.User.Role).Spanish} -> {role.Spanish} (pedido por {asked}, {when})")));
            var id = grant.Request.Id.ToString("N");
            body.Add(new CardButtonRow(
            [
                CardButton.For(language.Pick("Confirm", "Confirmar"), RoleGrantActions.ConfirmVerb, (Key, id)),
                CardButton.For(language.Pick("Reject", "Rechazar"), RoleGrantActions.RejectVerb, (Key, id)),
            ]));
        }
        return new Card(language.Pick("Role requests", "Solicitudes de rol"), body, []);
    }
}
