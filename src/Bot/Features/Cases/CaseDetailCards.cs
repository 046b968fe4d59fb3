using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>Everything the full case card shows: the case with its history, whose it is, the SLA verdict and the people named in it.</summary>
public sealed record CaseView(SupportCase Case, string CustomerName, SlaDecision Sla, IReadOnlyDictionary<UserId, string> People, TimeZoneInfo Zone)
{
    /// <summary>Whether the reader may see the customer's value tier the case's SLA follows (support agents may not).</summary>
    public bool ShowsTier { get; init; }

    /// <summary>Both targets on the work group's business clock; null shows the stored due time alone.</summary>
    public SlaClockReading? Clock { get; init; }
}

/// <summary>
/// The full card of one support case and the form that edits it. Every button carries the case number and the
/// length of the history the reader saw (<see cref="SeenKey"/>), so a press on a card that someone else's change
/// made stale is refused instead of acting on what the reader did not see. The status buttons are exactly the steps
/// <see cref="CaseTransitions"/> allows, so the card never offers what the domain would refuse.
/// </summary>
public static class CaseDetailCards
{
    public const string ShowVerb = "case.show";
    public const string ActVerb = "case.act";
    public const string EditVerb = "case.edit";

    public const string CaseKey = "case";
    public const string SeenKey = "seen";
    public const string OperationKey = "op";

    /// <summary>The inputs of the resolve note and of the edit form: the same names in Teams, Slack and typed commands.</summary>
    public const string NoteField = "note";
    public const string StatusField = "status";
    public const string PriorityField = "priority";
    public const string AssigneeField = "assignee";
    public const string GroupField = "group";

    public const int HistoryShown = 10;

    public static Card Detail(CaseView view, LanguageCode language, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Case;
        var body = new List<CardBlock>();
        if (notice is not null)
            body.Add(new CardText(notice, TextEmphasis.Strong));
        body.Add(new CardFacts(
        [
            new(language.Pick("Customer", "Cliente"), view.CustomerName),
            new(language.Pick("Title", "Título"), c.Title),
            new(language.Pick("Status", "Estado"), CaseTransitions.Name(c.Status).In(language)),
            new(language.Pick("Priority", "Prioridad"), CaseTransitions.Name(c.Priority).In(language)),
            new(language.Pick("Assignee", "Asignado a"), CaseCards.Person(c.AssignedTo, view.People, language)),
            new(language.Pick("Work group", "Grupo de trabajo"), c.WorkGroup),
            .. (view.ShowsTier ? [new CardFact(language.Pick("Tier", "Nivel"), c.Tier.ToString())] : Array.Empty<CardFact>()),
            .. view.Clock is { } clock ? ClockFacts(clock, view.Zone, language) : [new CardFact(language.Pick("SLA due", "Vence el SLA"), CaseCards.Local(c.SlaDueAt, view.Zone))],
            new("SLA", view.Sla.Text.In(language)),
        ]));
        body.Add(new CardSection(language.Pick("History", "Historial")));
        var shown = c.History.OrderByDescending(h => h.Sequence).Take(HistoryShown).ToList();
        body.Add(new CardFacts([.. shown.Select(h => new CardFact(
            $"{CaseCards.Local(h.At, view.Zone)} · {CaseCards.Person(h.By, view.People, language)}", Change(h, view.People, language)))]));
        if (c.History.Count > shown.Count)
            body.Add(new CardText(language.Pick($"{c.History.Count - shown.Count} earlier changes not shown.",
                $"{c.History.Count - shown.Count} cambios anteriores no se muestran."), TextEmphasis.Subtle));
        var next = CaseTransitions.Next(c.Status);
        if (next.Contains(CaseStatus.Resolved))
        {
            body.Add(new CardTextInput(NoteField, language.Pick("Resolution note (to resolve)", "Nota de resolución (para resolver)"),
                SupportCase.MaxNoteLength, IsMultiline: true, IsRequired: false)
            { Placeholder = language.Pick("How was it solved?", "¿Cómo se solucionó?") });
        }
        return new Card(language.Pick($"Case {c.Number}", $"Caso {c.Number}"), body, Buttons(c, next, language))
        {
            Subtitle = view.Sla.IsBreached ? language.Pick("SLA breached", "SLA incumplido") : null,
        };
    }

    /// <summary>When each target falls due in the reader's zone (met, or the clock standing still while the case waits, said so).</summary>
    private static IEnumerable<CardFact> ClockFacts(SlaClockReading clock, TimeZoneInfo zone, LanguageCode language) =>
        new[] { clock.FirstResponse, clock.Resolution }.Select(target => new CardFact(SlaAlertCards.Due(target.Target).In(language), target switch
        {
            { IsMet: true } => language.Pick("met", "cumplido"),
            { IsDone: true } => language.Pick("missed", "incumplido"),
            _ when clock.IsPaused => language.Pick($"{CaseCards.Local(target.DueAt, zone)} (paused: waiting on the customer)",
                $"{CaseCards.Local(target.DueAt, zone)} (en pausa: esperando al cliente)"),
            _ => CaseCards.Local(target.DueAt, zone),
        }));

    /// <summary>Up to this many people in the assignee list (a Slack choice list holds 100; one is "nobody").</summary>
    public const int MaxAgents = 99;

    /// <summary>
    /// The one edit form, shown by Teams as a card and by Slack as a modal: the case's customer and title, then status
    /// (the steps <see cref="CaseTransitions"/> allows) with its resolution note, priority, assignee and work group, as
    /// choice lists where the choices are known, each set to what the case has now. Its button is the card's "update".
    /// </summary>
    /// <param name="agents">Who the case may be assigned to (<see cref="CaseEditForm.AgentsAsync"/>, with the current assignee).</param>
    public static Card Edit(SupportCase supportCase, string customerName, IReadOnlyList<User> agents, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(agents);
        var statuses = new[] { supportCase.Status }.Concat(CaseTransitions.Next(supportCase.Status))
            .Select(s => new CardChoice(s.ToString(), CaseTransitions.Name(s).In(language))).ToList();
        var priorities = Enum.GetValues<CasePriority>().Select(p => new CardChoice(p.ToString(), CaseTransitions.Name(p).In(language))).ToList();
        var people = agents.Take(MaxAgents).Select(a => new CardChoice(a.Id.Value.ToString(), a.DisplayName))
            .Append(new CardChoice(CaseEditForm.Nobody, language.Pick("Nobody (work group only)", "Nadie (solo el grupo)"))).ToList();
        var current = supportCase.AssignedTo is { } assignee && people.Any(p => p.Value == assignee.Value.ToString()) ? assignee.Value.ToString() : CaseEditForm.Nobody;
        CardBlock[] body =
        [
            new CardText($"{customerName}: {supportCase.Title}", TextEmphasis.Subtle),
            new CardChoiceInput(StatusField, language.Pick("Status", "Estado"), statuses) { Value = supportCase.Status.ToString() },
            new CardTextInput(NoteField, language.Pick("Resolution note (needed to resolve)", "Nota de resolución (necesaria para resolver)"),
                SupportCase.MaxNoteLength, IsMultiline: true, IsRequired: false) { Placeholder = language.Pick("How was it solved?", "¿Cómo se solucionó?") },
            new CardChoiceInput(PriorityField, language.Pick("Priority", "Prioridad"), priorities) { Value = supportCase.Priority.ToString() },
            new CardChoiceInput(AssigneeField, language.Pick("Assignee", "Asignado a"), people) { Value = current },
            new CardTextInput(GroupField, language.Pick("Work group", "Grupo de trabajo"), SupportCase.MaxWorkGroupLength)
            {
                Placeholder = language.Pick("Support, Tier 2, Billing…", "Soporte, Nivel 2, Facturación…"),
                Value = supportCase.WorkGroup,
            },
        ];
        return new Card(language.Pick($"Edit case {supportCase.Number}", $"Editar el caso {supportCase.Number}"), body,
            [Act(language.Pick("Save", "Guardar"), supportCase, "update") with { SubmitsInputs = true }])
        {
            ShortTitle = language.Pick($"Edit case {supportCase.Number}", $"Editar {supportCase.Number}"),
        };
    }

    private static List<CardButton> Buttons(SupportCase c, IReadOnlyList<CaseStatus> next, LanguageCode language)
    {
        var buttons = new List<CardButton>();
        foreach (var status in next)
        {
            buttons.Add(status switch
            {
                CaseStatus.InProgress when c.Status == CaseStatus.WaitingOnCustomer => Act(language.Pick("Resume", "Reanudar"), c, "start"),
                CaseStatus.InProgress => Act(language.Pick("Start", "Empezar"), c, "start"),
                CaseStatus.WaitingOnCustomer => Act(language.Pick("Wait on customer", "Esperar al cliente"), c, "wait"),
                CaseStatus.Resolved => Act(language.Pick("Resolve", "Resolver"), c, "resolve") with { SubmitsInputs = true },
                CaseStatus.Closed => Act(language.Pick("Close", "Cerrar"), c, "close"),
                _ => Act(language.Pick("Reopen", "Reabrir"), c, "reopen"),
            });
        }
        if (c.Status != CaseStatus.Closed)
        {
            buttons.Add(Act(language.Pick("Take it", "Asignármelo"), c, "take"));
            buttons.Add(CardButton.For(language.Pick("Edit", "Editar"), EditVerb, (CaseKey, c.Number), (SeenKey, Seen(c))));
        }
        return buttons;
    }

    private static CardButton Act(string title, SupportCase c, string operation) =>
        CardButton.For(title, ActVerb, (CaseKey, c.Number), (SeenKey, Seen(c)), (OperationKey, operation));

    /// <summary>How much of the history the card showed: the staleness check of every button.</summary>
    public static string Seen(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return supportCase.History.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Change(CaseHistoryEntry entry, IReadOnlyDictionary<UserId, string> people, LanguageCode language) => entry.Change switch
    {
        CaseChange.Opened => language.Pick($"opened ({Priority(entry.To, language)})", $"abierto ({Priority(entry.To, language)})"),
        CaseChange.StatusChanged => $"{language.Pick("status", "estado")}: {Status(entry.From, language)} → {Status(entry.To, language)}",
        CaseChange.PriorityChanged => $"{language.Pick("priority", "prioridad")}: {Priority(entry.From, language)} → {Priority(entry.To, language)}",
        CaseChange.Assigned => $"{language.Pick("assigned", "asignado")}: {Assignment(entry.From, people, language)} → {Assignment(entry.To, people, language)}",
        CaseChange.FirstResponse => language.Pick("first response to the customer", "primera respuesta al cliente"),
        CaseChange.Note => $"{language.Pick("note", "nota")}: {entry.To}",
        CaseChange.SatisfactionRated => SatisfactionWording.Rated(entry.From, entry.To).In(language),
        CaseChange.SurveyNotSent => $"{language.Pick("satisfaction survey not sent", "encuesta de satisfacción no enviada")}: {SatisfactionWording.NotSent(entry.To).In(language)}",
        _ => entry.Change.ToString(),
    };

    private static string Status(string? stored, LanguageCode language) =>
        Enum.TryParse<CaseStatus>(stored, out var status) ? CaseTransitions.Name(status).In(language) : stored ?? "-";

    private static string Priority(string? stored, LanguageCode language) =>
        Enum.TryParse<CasePriority>(stored, out var priority) ? CaseTransitions.Name(priority).In(language) : stored ?? "-";

    /// <summary>"&lt;user id or -&gt;@&lt;group&gt;", as <see cref="SupportCase.Assign"/> records it, made readable.</summary>
    private static string Assignment(string? stored, IReadOnlyDictionary<UserId, string> people, LanguageCode language)
    {
        if (stored is null)
            return "-";
        var at = stored.IndexOf('@', StringComparison.Ordinal);
        var who = at < 0 ? stored : stored[..at];
        var group = at < 0 ? string.Empty : stored[(at + 1)..];
        var name = Guid.TryParse(who, out var id) ? CaseCards.Person(new UserId(id), people, language) : CaseCards.Person(null, people, language);
        return group.Length == 0 ? name : $"{name} ({group})";
    }

    /// <summary>The user ids named in a case's assignee and history, to look their names up in one query.</summary>
    public static IEnumerable<UserId> PeopleIn(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (supportCase.AssignedTo is { } assignee)
            yield return assignee;
        foreach (var entry in supportCase.History)
        {
            yield return entry.By;
            foreach (var stored in new[] { entry.From, entry.To })
            {
                var at = stored?.IndexOf('@', StringComparison.Ordinal) ?? -1;
                if (at > 0 && Guid.TryParse(stored![..at], out var id))
                    yield return new UserId(id);
            }
        }
    }
}
