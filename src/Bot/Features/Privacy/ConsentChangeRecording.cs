using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// Records a consent change a rep took from a customer, through the one intake the import and the REST API use
/// (<see cref="ConsentRecorder"/>, its source being how the customer said it), for users who may see the customer's
/// privacy preferences only; audited. The turn saves it in one transaction, so nothing is half-saved; records are never
/// edited, so two people recording at once both stand and the newer (a withdrawal on a tie) decides. The answer is
/// the decision the consent rule now gives, which offers and outreach read from the same records at once.
/// </summary>
public sealed class ConsentChangeRecording(CrmDbContext db, CustomerAccess access, AuditTrail audit, ConsentRecorder recorder,
    ConsentSubjectReader consents, TimeProvider time)
{
    /// <summary>The customer a card or form names, as they are now; null (having said why) when merged, erased or gone since.</summary>
    public async Task<Customer?> CurrentAsync(TurnContext context, CustomerId id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
        if (customer?.MergedIntoId is { } survivor)
        {
            var into = await db.Customers.AsNoTracking().Where(c => c.Id == survivor).Select(c => c.DisplayName).FirstOrDefaultAsync(context.CancellationToken);
            context.Say($"This card is out of date: the customer was merged into {into ?? "another record"} since. Nothing was recorded; open their privacy card again.",
                $"Esta tarjeta está desactualizada: el cliente se fusionó después con {into ?? "otra ficha"}. No se registró nada; vuelve a abrir su tarjeta de privacidad.");
            return null;
        }
        if (customer is null || customer.IsErased)
        {
            context.Say("This card is out of date: that customer's data was erased or no longer exists. Nothing was recorded.",
                "Esta tarjeta está desactualizada: los datos de ese cliente se borraron o ya no existen. No se registró nada.");
            return null;
        }
        return customer;
    }

    /// <summary>Whether the user may record consent for the customer (they may see their privacy preferences); a refusal is said and audited.</summary>
    public async Task<bool> MayRecordAsync(TurnContext context, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        var grant = await access.GrantAsync(context, customer);
        if (grant.Allows(CustomerField.Consents))
            return true;
        audit.Record(context, AuditAction.AccessDenied, customer.Id, CustomerField.Consents);
        context.Say($"I can't record consent for this customer: {grant.Reason.English}. Ask the account's owner or your manager.",
            $"No puedo registrar el consentimiento de este cliente: {grant.Reason.Spanish}. Pregunta al propietario de la cuenta o a tu responsable.");
        return false;
    }

    /// <summary>Stages the change (the turn saves it), audits it and shows what the consent rule says now.</summary>
    public async Task RecordAsync(TurnContext context, Customer customer, ConsentChange change)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(change);
        var language = context.Language;
        var now = time.GetUtcNow();
        var source = change.How is { } how
            ? ConsentChangeWords.Name(how).In(language)
            : language.Pick("told a rep, recorded in chat", "comunicado a un comercial, registrado en el chat");
        var result = await recorder.StageAsync(new ConsentIntake(null, null, change.Purpose.ToString(), change.Channel.ToString(), change.Granted, source,
            At(change.On, now, context.User.ResolveTimeZone())) { Customer = customer.Id }, context.CancellationToken);
        if (result.IsRejected)
        {
            context.Say($"Nothing was recorded: {string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Message}"))}.",
                $"No se registró nada: {string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Message}"))}.");
            return;
        }
        var staged = db.ConsentRecords.Local.Single(r => r.Id.Value == result.Id);
        audit.Record(context, AuditAction.RecordedConsent, customer.Id, CustomerField.Consents);

        var subject = await consents.ReadAsync(customer, now, context.CancellationToken);
        subject = subject with { History = [.. subject.History, staged] };
        var decision = ConsentRules.Evaluate(subject, new Outreach(change.Purpose, change.Channel));
        context.Show(ConsentChangeCards.Recorded(customer, change, decision, subject.Policy, language));
    }

    /// <summary>The user's day today, for the form's default and the check against the future.</summary>
    public DateOnly Today(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Dates.Today(time.GetUtcNow(), context.User.ResolveTimeZone());
    }

    /// <summary>Today's statement is as of now (so it is the newest); an earlier day's, as of noon that day where the user is.</summary>
    private static DateTimeOffset At(DateOnly day, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (day >= Dates.Today(now, zone))
            return now;
        var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(noon, zone.GetUtcOffset(noon)).ToUniversalTime();
    }
}
