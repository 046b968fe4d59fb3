using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// Finds the interaction a person wants to amend or withdraw — the one a button names, or else their last one — and
/// says whether they may (<see cref="OwnLogCorrection"/>): theirs, their last, still current, within the window, and
/// of a customer that still exists. Reads tracked, so the caller's change is saved with the turn and checked against
/// the row's version (two presses that cross: one wins, the other sees it done).
/// </summary>
public sealed class CorrectableInteractions(CrmDbContext db, CustomerFinder finder, IOptions<LogCorrectionOptions> options, TimeProvider time)
{
    /// <summary>The data key by which a button or a form names the interaction.</summary>
    public const string InteractionIdKey = "interactionId";

    public async Task<CorrectionTarget> LoadAsync(TurnContext context, InteractionId? named)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var interaction = named is { } id
            ? await db.Interactions.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            : await LastLoggedBy(context).FirstOrDefaultAsync(cancellationToken);
        if (interaction is null)
        {
            return CorrectionTarget.Refused(named is null
                ? new LocalizedText("You haven't logged any interaction yet, so there is nothing to amend or withdraw.",
                    "Aún no has registrado ninguna interacción, así que no hay nada que corregir ni anular.")
                : new LocalizedText("That interaction no longer exists.", "Esa interacción ya no existe."));
        }
        var lastId = named is null ? interaction.Id : await LastLoggedBy(context).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var firstLoggedAt = interaction.AmendmentOf is { } first
            ? await db.Interactions.IgnoreQueryFilters().Where(i => i.Id == first).Select(i => i.RecordedAt).FirstOrDefaultAsync(cancellationToken)
            : interaction.RecordedAt;
        if (OwnLogCorrection.Refusal(context.User, interaction, firstLoggedAt, lastId == interaction.Id, time.GetUtcNow(), options.Value.Window) is { } refusal)
            return CorrectionTarget.Refused(new LocalizedText("I can't: " + refusal.English, "No puedo: " + refusal.Spanish));
        var customer = await finder.GetAsync(interaction.CustomerId, cancellationToken);
        if (customer is null || customer.IsErased)
            return CorrectionTarget.Refused(new LocalizedText("That interaction's customer no longer exists, so it stays as it is.",
                "El cliente de esa interacción ya no existe, así que queda como está."));
        return new CorrectionTarget(interaction, customer, null);
    }

    /// <summary>The interaction a button's or form's data names, if any.</summary>
    public static InteractionId? Named(IReadOnlyDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(InteractionIdKey, out var raw) && Guid.TryParse(raw, out var id) ? new InteractionId(id) : null;

    private IQueryable<Interaction> LastLoggedBy(TurnContext context) =>
        db.Interactions.Where(i => i.LoggedBy == context.User.Id).OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id);
}

/// <summary>The interaction and its customer when it may be corrected; otherwise why not.</summary>
public sealed record CorrectionTarget(Interaction? Interaction, Customer? Customer, LocalizedText? Refusal)
{
    public static CorrectionTarget Refused(LocalizedText why) => new(null, null, why);
}
