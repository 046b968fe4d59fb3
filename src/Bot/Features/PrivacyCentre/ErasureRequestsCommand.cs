using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// "erasures" / "supresiones" (privacy officers only): the erasure requests customers made in their privacy centre and
/// still waiting, the most urgent first, each with a button that starts the usual <c>erase</c> confirmation for that
/// customer. Erasing the customer marks their request done.
/// </summary>
public sealed class ErasureRequestsCommand(CrmDbContext db, AuditTrail audit, TimeProvider time) : IChatCommand
{
    public const int Shown = 10;

    public static CommandSpec Spec { get; } = new("erasurerequests", ["erasures"], ["supresiones"]);

    public async Task<DialogState?> RunAsync(TurnContext context, string? argument, DialogState? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedToKnowPolicy.MayExportOrErase(context.User))
        {
            context.Say("Only a privacy officer can see customers' erasure requests.", "Solo un responsable de privacidad puede ver las peticiones de supresión de los clientes.");
            return state;
        }
        var waiting = await (from r in db.ErasureRequests.AsNoTracking()
                             join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
                             where r.Status == ErasureRequestStatus.Pending && c.ErasedAt == null && c.MergedIntoId == null
                             orderby r.DueBy
                             select new { Request = r, c.DisplayName }).Take(Shown + 1).ToListAsync(context.CancellationToken);
        var language = context.Language;
        if (waiting.Count == 0)
        {
            context.Say("No erasure request is waiting.", "No hay ninguna petición de supresión pendiente.");
            return state;
        }
        var now = time.GetUtcNow();
        var body = new List<CardBlock>();
        foreach (var entry in waiting.Take(Shown))
        {
            audit.Record(context, AuditAction.ListedInSearch, entry.Request.CustomerId, CustomerField.BasicContact);
            var due = Dates.Day(DateOnly.FromDateTime(entry.Request.DueBy.UtcDateTime));
            var overdue = entry.Request.IsOverdueAt(now) ? language.Pick(" — overdue", " — vencida") : string.Empty;
            body.Add(new CardFacts([new CardFact(entry.DisplayName, language.Pick($"asked {Dates.Day(DateOnly.FromDateTime(entry.Request.RequestedAt.UtcDateTime))}, due {due}{overdue}",
                $"pedida el {Dates.Day(DateOnly.FromDateTime(entry.Request.RequestedAt.UtcDateTime))}, vence el {due}{overdue}"))]));
            body.Add(new CardButtonRow([CardButton.For(language.Pick($"Erase {entry.DisplayName}", $"Borrar a {entry.DisplayName}"), CustomerVerbs.Erase,
                (CustomerResolver.CustomerIdKey, entry.Request.CustomerId.Value.ToString()))]));
        }
        if (waiting.Count > Shown)
            body.Add(new CardText(language.Pick($"Only the {Shown} most urgent are shown.", $"Solo se muestran las {Shown} más urgentes."), TextEmphasis.Subtle));
        context.Show(new Card(language.Pick("Erasure requests waiting", "Peticiones de supresión pendientes"), body, []));
        return state;
    }
}
