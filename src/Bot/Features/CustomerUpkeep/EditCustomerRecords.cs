using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>The customer a correction is about (tracked, with its handles) and its version now, or why it cannot be corrected.</summary>
public sealed record EditTarget(Customer? Customer, long Version, string? Refusal);

/// <summary>
/// What the correction form, its button and its Slack modal share: the customer a form or press names, read fresh and
/// tracked, with the reasons it cannot be corrected — gone, merged or erased since the card was shown (the survivor
/// named only to someone who may see it), or need-to-know (<see cref="CustomerUpkeepPolicy.MayCorrect"/>, audited) —
/// its concurrency version, and the intake's errors worded under the form's fields.
/// </summary>
public sealed class EditCustomerRecords(CrmDbContext db, CustomerAccess access, AuditTrail audit)
{
    public async Task<EditTarget> LoadAsync(TurnContext context, CustomerId id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var ct = context.CancellationToken;
        var customer = await db.Customers.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
            return Refused(language.Pick("This customer no longer exists, so nothing was saved.", "Este cliente ya no existe, así que no se guardó nada."));
        if (customer.IsErased)
            return Refused(language.Pick("This customer's personal data was erased at their request, so nothing was saved: the record can no longer be changed.",
                "Los datos personales de este cliente se borraron a petición suya, así que no se guardó nada: la ficha ya no se puede cambiar."));
        if (customer.MergedIntoId is { } survivorId)
        {
            var survivor = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == survivorId, ct);
            var named = survivor is not null && (await access.GrantAsync(context, survivor)).Allows(CustomerField.Identity) ? survivor.DisplayName : null;
            return Refused(named is null
                ? language.Pick("This record was merged into another one meanwhile, so nothing was saved.",
                    "Esta ficha se fusionó con otra mientras tanto, así que no se guardó nada.")
                : language.Pick($"This record was merged into {named} meanwhile, so nothing was saved: correct {named} instead.",
                    $"Esta ficha se fusionó con {named} mientras tanto, así que no se guardó nada: corrige {named} en su lugar."));
        }
        var grant = await access.GrantAsync(context, customer);
        if (!grant.Allows(CustomerField.Service))
        {
            audit.Record(context, AuditAction.AccessDenied, customer.Id, CustomerField.Service);
            var name = grant.Allows(CustomerField.Identity) ? customer.DisplayName : language.Pick("this customer", "este cliente");
            return Refused(language.Pick($"I can't change {name}'s record for you: {grant.Reason.English}. Ask the account's owner or your manager.",
                $"No puedo cambiar la ficha de {name} por ti: {grant.Reason.Spanish}. Pregunta al propietario de la cuenta o a tu responsable."));
        }
        return new EditTarget(customer, VersionOf(customer), null);
    }

    public long VersionOf(Customer customer) => db.Entry(customer).Property<long>("Version").CurrentValue;

    /// <summary>Makes the save check that nobody changed the customer since <paramref name="version"/> (the database refuses it otherwise).</summary>
    public void ExpectVersion(Customer customer, long version) => db.Entry(customer).Property<long>("Version").OriginalValue = version;

    /// <summary>The customer and version a press or a form's state names.</summary>
    public static (CustomerId? Id, long? Version) Named(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CustomerId? id = values.TryGetValue("customerId", out var text) && Guid.TryParse(text, out var guid) ? new CustomerId(guid) : null;
        long? version = values.TryGetValue(EditCustomerCards.VersionKey, out var carried)
            && long.TryParse(carried, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return (id, version);
    }

    /// <summary>The state a form carries (customer|version), back as values beside the form's own.</summary>
    public static Dictionary<string, string> WithState(string? state, IReadOnlyDictionary<string, string> values)
    {
        var all = new Dictionary<string, string>(values, StringComparer.Ordinal);
        if (state?.Split('|') is [var customer, var version])
        {
            all["customerId"] = customer;
            all[EditCustomerCards.VersionKey] = version;
        }
        return all;
    }

    /// <summary>What a correction form says when the customer changed after it was opened.</summary>
    public static string Stale(Customer customer, LanguageCode language) => language.Pick(
        $"Someone changed {customer.DisplayName} meanwhile, so nothing of yours was saved: here is the record as it is now; make your change again.",
        $"Alguien cambió a {customer.DisplayName} mientras tanto, así que no se guardó nada tuyo: aquí está la ficha como está ahora; vuelve a hacer tu cambio.");

    /// <summary>The intake's errors under the form's fields, a handle's holder named when the reader may see them (audited).</summary>
    public async Task<Dictionary<string, string>> ErrorsAsync(TurnContext context, IReadOnlyList<FieldError> problems, EditCustomerValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(values);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            string? holder = null;
            if (problem.HeldBy is { } heldBy && await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == heldBy, context.CancellationToken) is { } other
                && (await access.GrantAsync(context, other)).Allows(CustomerField.Identity))
            {
                audit.Record(context, AuditAction.ListedInSearch, other.Id, CustomerField.Identity);
                holder = other.Company is { } company ? $"{other.DisplayName} · {company}" : other.DisplayName;
            }
            var field = EditCustomerCards.Fields.Contains(problem.Field) ? problem.Field : EditCustomerCards.Name;
            var text = CustomerFieldWording.Say(problem, values.Typed(problem.Field), holder, context.Language);
            errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {text}" : text;
        }
        return errors;
    }

    private static EditTarget Refused(string why) => new(null, 0, why);
}
