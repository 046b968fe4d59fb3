using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

/// <summary>
/// A "new customer" form checked (reads only): errors by field, or the customer ready to add, with its owner and the
/// records the duplicate rules say it probably is.
/// </summary>
public sealed record NewCustomerCheck(IReadOnlyDictionary<string, string> Errors, Customer? Customer, UserId? Owner, string? OwnerName,
    IReadOnlyList<DuplicateSuspicion> Lookalikes)
{
    public bool IsValid => Errors.Count == 0 && Customer is not null;
}

/// <summary>
/// Checks a customer typed in chat with the go-live intake (<see cref="CustomerUpsert.CheckNewAsync"/>: the checking
/// and normalising the import and the API use), the owner with <see cref="CustomerUpkeepPolicy"/>, and the likely
/// duplicates with <see cref="DuplicateRules"/> over the same lookalikes "duplicates" weighs. A handle another customer
/// holds is refused, naming that customer only to someone who may see who they are (audited as a listing).
/// </summary>
public sealed class NewCustomerEntry(CrmDbContext db, CustomerUpsert upsert, CustomerLookup lookup, CustomerAccess access, AuditTrail audit,
    IOptions<CustomerUpkeepOptions> options)
{
    /// <summary>How many likely duplicates are offered.</summary>
    public const int LookalikesShown = 3;

    public async Task<NewCustomerCheck> CheckAsync(TurnContext context, NewCustomerValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var language = context.Language;
        var ct = context.CancellationToken;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var owner = await OwnerAsync(context, values, errors);

        var (result, customer) = await upsert.CheckNewAsync(
            new CustomerIntake(null, values.Name, values.Company, values.Country, values.Language, null, values.Email, values.Phone), ct);
        foreach (var error in result.Errors)
        {
            var field = NewCustomerCards.Fields.Contains(error.Field) ? error.Field : NewCustomerCards.Name;
            var text = CustomerFieldWording.Say(error, Typed(values, error.Field), await HolderAsync(context, error.HeldBy), language);
            errors[field] = errors.TryGetValue(field, out var earlier) ? $"{earlier} {text}" : text;
        }
        if (errors.Count > 0 || customer is null)
            return new NewCustomerCheck(errors, null, null, null, []);

        var lookalikes = (await lookup.LookalikesAsync(customer, ct))
            .Select(other => DuplicateRules.Assess(customer, other)).OfType<DuplicateSuspicion>()
            .OrderByDescending(s => s.Strong).Take(LookalikesShown).ToList();
        return new NewCustomerCheck(errors, customer, owner?.Id, owner?.DisplayName, lookalikes);
    }

    /// <summary>The owner the policy decides (null: nobody), with a refusal recorded under the owner field (or the name, for whom it is not shown).</summary>
    private async Task<User?> OwnerAsync(TurnContext context, NewCustomerValues values, Dictionary<string, string> errors)
    {
        var language = context.Language;
        var choosesOwner = CustomerUpkeepPolicy.ChoosesOwner(context.User);
        User? named = null;
        if (choosesOwner && values.Owner is { } text)
        {
            named = await UserByEmailAsync(text, context.CancellationToken);
            if (named is null)
            {
                errors[NewCustomerCards.Owner] = language.Pick($"No ChatCrm user has the work e-mail '{FieldChecks.Cut(text)}'.",
                    $"Ningún usuario de ChatCrm tiene el correo de trabajo «{FieldChecks.Cut(text)}».");
                return null;
            }
        }
        var settings = options.Value;
        var designated = !choosesOwner && settings.SupportAgentOwner == SupportOwnerRule.Designated && settings.DesignatedOwner is { } email
            ? await UserByEmailAsync(email, context.CancellationToken)
            : null;
        var decision = CustomerUpkeepPolicy.DecideOwner(context.User, named, settings.SupportAgentOwner, designated);
        if (decision.Refusal is { } why)
        {
            errors[choosesOwner ? NewCustomerCards.Owner : NewCustomerCards.Name] = Capitalised(why.In(language)) + ".";
            return null;
        }
        if (decision.Owner is not { } ownerId)
            return null;
        return ownerId == context.User.Id ? context.User : ownerId == named?.Id ? named : designated;
    }

    private Task<User?> UserByEmailAsync(string text, CancellationToken ct)
    {
        var email = text.Trim().ToLowerInvariant();
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, ct);
    }

    /// <summary>"Name · Company" of the customer holding a handle, when the reader may see who they are (audited); null otherwise.</summary>
    private async Task<string?> HolderAsync(TurnContext context, CustomerId? holderId)
    {
        if (holderId is not { } id || await lookup.GetAsync(id, context.CancellationToken) is not { } holder)
            return null;
        if (!(await access.GrantAsync(context, holder)).Allows(CustomerField.Identity))
            return null;
        audit.Record(context, AuditAction.ListedInSearch, holder.Id, CustomerField.Identity);
        return holder.Company is { } company ? $"{holder.DisplayName} · {company}" : holder.DisplayName;
    }

    private static string? Typed(NewCustomerValues values, string field) => field switch
    {
        NewCustomerCards.Name => values.Name,
        NewCustomerCards.Company => values.Company,
        NewCustomerCards.Email => values.Email,
        NewCustomerCards.Phone => values.Phone,
        NewCustomerCards.Country => values.Country,
        NewCustomerCards.Language => values.Language,
        _ => values.Owner,
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
