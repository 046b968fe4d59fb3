using ChatCrm.Bot.Features.Cases;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The two case modals: "edit case" (status with its resolution note, priority, assignee, work group, as selects
/// where the choices are known) and "new case" (customer and title). Each input's <c>block_id</c> and <c>action_id</c> is
/// the field name of the channel-neutral form (<see cref="CaseDetailCards"/>), so a submission reads straight into it and
/// an error is answered on the block that caused it. The edit modal carries the case number and the history length it
/// was built from in <c>private_metadata</c>, so a submission after someone else's change is refused.
/// </summary>
public static class CaseModal
{
    public const string EditCallbackId = "chatcrm-case-edit";
    public const string NewCallbackId = "chatcrm-case-new";
    public const string CustomerField = "customer";
    public const string TitleField = "title";

    /// <summary>Up to this many people in the assignee select (Slack allows 100 options; one is "nobody").</summary>
    public const int MaxAgents = BlockKitLimits.StaticSelectOptions - 1;

    public static JsonObject Edit(SupportCase supportCase, string customerName, IReadOnlyList<User> agents, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(agents);
        var statuses = new[] { supportCase.Status }.Concat(CaseTransitions.Next(supportCase.Status))
            .Select(s => (s.ToString(), CaseTransitions.Name(s).In(language))).ToList();
        var priorities = Enum.GetValues<CasePriority>().Select(p => (p.ToString(), CaseTransitions.Name(p).In(language))).ToList();
        var people = agents.Take(MaxAgents).Select(a => (a.Id.Value.ToString(), a.DisplayName))
            .Append((CaseEditForm.Nobody, language.Pick("Nobody (work group only)", "Nadie (solo el grupo)"))).ToList();
        var current = supportCase.AssignedTo is { } assignee && agents.Any(a => a.Id == assignee) ? assignee.Value.ToString() : CaseEditForm.Nobody;
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = EditCallbackId,
            ["private_metadata"] = $"{supportCase.Number}|{CaseDetailCards.Seen(supportCase)}",
            ["title"] = BlockKitText.Plain(language.Pick($"Edit case {supportCase.Number}", $"Editar {supportCase.Number}"), BlockKitLimits.ModalTitle),
            ["submit"] = BlockKitText.Plain(language.Pick("Save", "Guardar"), BlockKitLimits.ModalButton),
            ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(BlockKitText.Markdown($"{customerName}: {supportCase.Title}", BlockKitLimits.SectionText)),
                },
                ModalBlocks.Input(CaseDetailCards.StatusField, language.Pick("Status", "Estado"), ModalBlocks.Select(CaseDetailCards.StatusField, statuses, supportCase.Status.ToString()), optional: false),
                ModalBlocks.Input(CaseDetailCards.NoteField, language.Pick("Resolution note (needed to resolve)", "Nota de resolución (necesaria para resolver)"),
                    ModalBlocks.TextInput(CaseDetailCards.NoteField, language.Pick("How was it solved?", "¿Cómo se solucionó?"), multiline: true), optional: true),
                ModalBlocks.Input(CaseDetailCards.PriorityField, language.Pick("Priority", "Prioridad"), ModalBlocks.Select(CaseDetailCards.PriorityField, priorities, supportCase.Priority.ToString()), optional: false),
                ModalBlocks.Input(CaseDetailCards.AssigneeField, language.Pick("Assignee", "Asignado a"), ModalBlocks.Select(CaseDetailCards.AssigneeField, people, current), optional: false),
                ModalBlocks.Input(CaseDetailCards.GroupField, language.Pick("Work group", "Grupo de trabajo"),
                    ModalBlocks.TextInput(CaseDetailCards.GroupField, language.Pick("Support, Tier 2, Billing…", "Soporte, Nivel 2, Facturación…"), multiline: false, supportCase.WorkGroup), optional: false)),
        };
    }

    public static JsonObject New(string? customerQuery, LanguageCode language) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = NewCallbackId,
        ["title"] = BlockKitText.Plain(language.Pick("New case", "Nuevo caso"), BlockKitLimits.ModalTitle),
        ["submit"] = BlockKitText.Plain(language.Pick("Open case", "Abrir caso"), BlockKitLimits.ModalButton),
        ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
        ["blocks"] = new JsonArray(
            ModalBlocks.Input(CustomerField, language.Pick("Customer", "Cliente"),
                ModalBlocks.TextInput(CustomerField, language.Pick("Name, company, e-mail or phone", "Nombre, empresa, e-mail o teléfono"), multiline: false, customerQuery), optional: false),
            ModalBlocks.Input(TitleField, language.Pick("What is the problem?", "¿Cuál es el problema?"),
                ModalBlocks.TextInput(TitleField, language.Pick("Printer offline, urgent", "Impresora sin conexión, urgente"), multiline: false), optional: false),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(BlockKitText.Markdown(language.Pick(
                    "Words like \"urgent\" or \"high priority\" in the title set the priority; you can change it on the case afterwards.",
                    "Palabras como \"urgente\" o \"prioridad alta\" en el título fijan la prioridad; puedes cambiarla después en el caso."), BlockKitLimits.SectionText)),
            }),
    };
}
