using ChatCrm.Bot.Features.Interactions;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The "log" form as a Slack modal. Each input's <c>block_id</c> and <c>action_id</c> is its <see cref="LogForm"/>
/// field name, so the submitted <c>state.values</c> read straight into a <see cref="LogFormInput"/> and a validation
/// error is answered on the block that caused it. Lengths are checked by ChatCrm (not by Slack's
/// <c>max_length</c>), so an over-long text gets a message saying by how much instead of a silent stop.
/// </summary>
public static class LogModal
{
    public const string CallbackId = "chatcrm-log";

    public static JsonObject View(string? customerQuery, LanguageCode language) => View(new LogModalPrefill(customerQuery), language);

    /// <summary>The form with what is already known filled in (a message shortcut: the message, kind chat, channel Slack).</summary>
    public static JsonObject View(LogModalPrefill prefill, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(prefill);
        var summary = ModalBlocks.Input(LogForm.Summary, language.Pick("Summary", "Resumen"),
            ModalBlocks.TextInput(LogForm.Summary, language.Pick("What was it about?", "¿De qué se habló?"), multiline: true, prefill.Summary), optional: false);
        if (prefill.SummaryNote is { } note)
            summary["hint"] = BlockKitText.Plain(note.In(language), BlockKitLimits.InputHint);
        return new()
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = BlockKitText.Plain(language.Pick("Log an interaction", "Registrar interacción"), BlockKitLimits.ModalTitle),
            ["submit"] = BlockKitText.Plain(language.Pick("Log", "Registrar"), BlockKitLimits.ModalButton),
            ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
            ["blocks"] = new JsonArray(
                ModalBlocks.Input(LogForm.Customer, language.Pick("Customer", "Cliente"),
                    ModalBlocks.TextInput(LogForm.Customer, language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"), multiline: false, prefill.Customer),
                    optional: false),
                ModalBlocks.Input(LogForm.Kind, language.Pick("What kind of contact", "Tipo de contacto"), KindSelect(language, prefill.Kind), optional: false),
                ModalBlocks.Input(LogForm.Channel, language.Pick("Channel", "Canal"), ChannelSelect(language, prefill.Channel), optional: true),
                ModalBlocks.Input(LogForm.Date, language.Pick("Date", "Fecha"), new JsonObject { ["type"] = "datepicker", ["action_id"] = LogForm.Date }, optional: true),
                summary,
                ModalBlocks.Input(LogForm.Outcome, language.Pick("Outcome", "Resultado"),
                    ModalBlocks.TextInput(LogForm.Outcome, language.Pick("What was agreed (optional)", "Qué se acordó (opcional)"), multiline: true), optional: true),
                ModalBlocks.Input(LogForm.FollowUp, language.Pick("Follow-up date", "Fecha de seguimiento"),
                    ModalBlocks.TextInput(LogForm.FollowUp, language.Pick("2026-12-01, tomorrow, in 3 days (optional)", "2026-12-01, mañana, en 3 días (opcional)"), multiline: false),
                    optional: true)),
        };
    }

    /// <summary>Where the contact took place; left empty, the kind's usual channel applies (a call → phone).</summary>
    private static JsonObject ChannelSelect(LanguageCode language, InteractionChannel? initial) => ModalBlocks.Select(LogForm.Channel,
        Enum.GetValues<InteractionChannel>().Select(c => (c.ToString(), InteractionWording.Channel(c, language))).ToList(),
        initial: initial?.ToString(), placeholder: language.Pick("Usual for the kind (optional)", "El habitual del tipo (opcional)"));

    /// <summary>The kinds the validator reads (their English words), a call chosen to start with unless told otherwise.</summary>
    private static JsonObject KindSelect(LanguageCode language, InteractionKind? initial) => ModalBlocks.Select(LogForm.Kind,
        Enum.GetValues<InteractionKind>().Select(k => (k.ToString().ToLowerInvariant(), InteractionWording.Kind(k, language))).ToList(),
        initial: (initial ?? InteractionKind.Call).ToString().ToLowerInvariant(), placeholder: language.Pick("Call, visit, meeting…", "Llamada, visita, reunión…"));
}

/// <summary>
/// What a log modal opens with. <see cref="Customer"/> is a query the validator resolves on submission (under
/// need-to-know, as if typed); <see cref="SummaryNote"/> is shown under the summary, e.g. that a long message was cut.
/// </summary>
public sealed record LogModalPrefill(string? Customer, string? Summary = null, LocalizedText? SummaryNote = null,
    InteractionKind? Kind = null, InteractionChannel? Channel = null);
