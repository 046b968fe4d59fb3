using ChatCrm.Bot.Conversations;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.Shortcuts;

/// <summary>
/// A modal with one message and a close button: how a shortcut answers when there is nothing to log. A global
/// shortcut has no channel, so a modal is the one place its answer shows, and only to the person who used it.
/// </summary>
public static class ShortcutNotice
{
    public const string CallbackId = "chatcrm-shortcut-notice";

    public static LocalizedText NoAccess => AccessRefusals.NotInDirectory;

    /// <summary>A form that cannot be shown to the person right now (it said so without a reason).</summary>
    public static LocalizedText NotAvailable { get; } = new("That form is not available to you.", "Ese formulario no está disponible para ti.");

    public static LocalizedText Unknown(string? callbackId)
    {
        var name = string.IsNullOrWhiteSpace(callbackId) ? "?" : BlockKitText.Escape(callbackId.Length > 60 ? callbackId[..60] : callbackId);
        return new LocalizedText(
            $"ChatCrm has no shortcut called `{name}`. Its shortcuts are *Log an interaction* (shortcut menu) and *Log this message* (a message's menu); "
            + "if Slack shows others, ask your Slack administrator to update the app from ChatCrm's manifest.",
            $"ChatCrm no tiene ningún atajo llamado `{name}`. Sus atajos son *Registrar interacción* (menú de atajos) y *Registrar este mensaje* (menú de un mensaje); "
            + "si Slack muestra otros, pide a tu administrador de Slack que actualice la aplicación con el manifiesto de ChatCrm.");
    }

    /// <param name="language">The reader's language; null for someone ChatCrm does not know, who gets both.</param>
    public static JsonObject View(LocalizedText text, LanguageCode? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return View(language is { } known ? text.In(known) : $"{text.English}\n\n{text.Spanish}", language);
    }

    /// <summary>A message already in the reader's language (a form's refusal).</summary>
    public static JsonObject View(string body, LanguageCode? language)
    {
        ArgumentNullException.ThrowIfNull(body);
        var close = language is { } chosen ? chosen.Pick("Close", "Cerrar") : "Close / Cerrar";
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = BlockKitText.Plain("ChatCrm", BlockKitLimits.ModalTitle),
            ["close"] = BlockKitText.Plain(close, BlockKitLimits.ModalButton),
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = BlockKitText.Markdown(body, BlockKitLimits.SectionText) }),
        };
    }
}
