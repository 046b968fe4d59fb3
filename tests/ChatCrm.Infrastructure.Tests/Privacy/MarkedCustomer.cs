using System.Text;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Infrastructure.Tests.Persistence;

namespace ChatCrm.Infrastructure.Tests.Privacy;

/// <summary>
/// A customer whose data carries one marker (a fresh GUID) in every free-text field that can hold it: name, company,
/// handles, interactions (and an amended version, and a correction asked for in the privacy centre), a support case
/// with its notes, a merged duplicate, a queued suggestion, a consent statement, audit details, a failed inbox item,
/// a reply refused for good, a dialog and an integration's stored response. Stored requests quote the customer as a user would type them (a full
/// name): erasure finds them by the names, companies, handles and ids the customer had. Nothing else carries the marker.
/// </summary>
internal sealed record MarkedCustomer(string Marker, Customer Customer, User Rep, SupportCase Case, OfferPresentation Presentation)
{
    public static readonly DateTimeOffset At = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    public static async Task<MarkedCustomer> StoreAsync(DatabaseFixture db)
    {
        var marker = Guid.NewGuid().ToString("N");
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer($"María {marker}", $"Ferretería {marker}");
        customer.AddIdentity(IdentityKind.Email, $"{marker}@ejemplo.es");
        customer.AssignOwner(rep.Id);
        var duplicate = CrmTestData.Customer($"Maria N. {marker}", null);
        duplicate.AddIdentity(IdentityKind.Email, $"dup.{marker}@ejemplo.es");

        var original = Interaction.Log(customer.Id, rep.Id, At, At, InteractionChannel.Phone, InteractionKind.Call, $"Call {marker}", $"Said {marker}", null);
        var amendment = original.Amend(At, At.AddHours(1), InteractionChannel.Phone, InteractionKind.Call, $"Corrected {marker}", $"Agreed {marker}", null);
        var correctionAsked = Interaction.Log(duplicate.Id, rep.Id, At, At, InteractionChannel.Web, InteractionKind.Email, $"Please correct {marker}", null, null);
        var supportCase = SupportCase.Open(customer.Id, $"Router {marker}", $"Broken since {marker}", CasePriority.Normal, null, rep.Id, "Network", At, SlaTable.Default);
        supportCase.Resolve($"Replaced for {marker}", rep.Id, At.AddHours(2));
        var survey = Domain.Satisfaction.SatisfactionSurvey.Queue(supportCase.Id, customer.Id,
            supportCase.History.Single(h => h.Change == CaseChange.StatusChanged).Sequence, rep.Id, At.AddHours(2));
        survey.Issue("survey-" + Guid.NewGuid().ToString("N"), At.AddHours(2), TimeSpan.FromDays(14));
        survey.MarkSent(At.AddHours(2));
        survey.Answer(new Domain.Satisfaction.SatisfactionAnswer(4, $"Quick fix {marker}"), At.AddHours(3));
        supportCase.RecordSatisfaction(4, $"Quick fix {marker}", rep.Id, At.AddHours(3));
        var offer = new Offer(OfferId.New(), "UP" + Guid.NewGuid().ToString("N")[..8], "Upsell", "software", ConsentPurpose.Marketing, "A pitch.");
        var presentation = new OfferPresentation(OfferPresentationId.New(), customer.Id, offer.Id, rep.Id, At, "Teams", ContactChannel.Email, OfferRankingSource.Rules, null);
        var answer = presentation.Answer(OfferResponse.Accepted, rep.Id, At.AddMinutes(5));
        var inbox = new InboxItem("Teams", "activity", "dedup-" + Guid.NewGuid(), $"{{\"text\":\"log María {marker}\"}}", At);
        inbox.Claim("worker", At, TimeSpan.FromMinutes(1));
        inbox.Fail("boom", At.AddMinutes(1), maxAttempts: 1);
        // A reply that showed the customer's card and was refused for good: its body stays for an operator until erasure.
        var reply = new OutboxMessage("slack", "slack:T0:D0", 0, "{\"route\":\"Message\"}", $"{{\"text\":\"María {marker}\"}}", "turn", At, TimeSpan.FromSeconds(15));
        reply.Refuse("slack chat.postMessage: channel_not_found");
        var idempotent = new IdempotencyRecord("apikey:test", "key-" + Guid.NewGuid(), new byte[32], At);
        idempotent.Complete(201, "application/json", null, null, Encoding.UTF8.GetBytes($"{{\"name\":\"María {marker}\"}}"));

        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.AddRange(customer, duplicate);
            write.Offers.Add(offer);
            write.Interactions.AddRange(original, amendment, correctionAsked);
            write.SupportCases.Add(supportCase);
            write.SatisfactionSurveys.Add(survey);
            write.OfferPresentations.Add(presentation);
            if (answer.Row is { } row)
                write.OfferAnswers.Add(row);
            write.QueuedOfferSuggestions.Add(new QueuedOfferSuggestion(customer.Id,
                new OfferTrigger(OfferTriggerKind.LargeOrder, new($"Case {marker} resolved", $"Caso {marker} resuelto")), At));
            write.ConsentRecords.Add(ConsentRecord.Grant(customer.Id, ConsentPurpose.Marketing, ContactChannel.Email, $"call with {marker}", At));
            write.AuditEntries.Add(new AuditEntry(rep.Id, AuditAction.ViewedCustomer, customer.Id, "Teams", At, CustomerField.Identity, $"looked up {marker}"));
            write.InboxItems.Add(inbox);
            write.OutboxMessages.Add(reply);
            write.DialogStates.Add(new DialogStateRecord("conv-" + Guid.NewGuid(), "user-" + Guid.NewGuid(), $"{{\"query\":\"Maria N. {marker}\"}}", At));
            write.IdempotencyRecords.Add(idempotent);
            write.ErasureRequests.Add(ErasureRequest.Make(customer.Id, At, TimeSpan.FromDays(30), Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
            await write.SaveChangesAsync();
        }

        await using (var merge = db.CreateContext())
        {
            Assert.NotNull(await new CustomerMerger(merge).StageAsync(customer.Id, duplicate.Id, rep.Id, At.AddHours(3), CancellationToken.None));
            await merge.SaveChangesAsync();
        }
        return new MarkedCustomer(marker, customer, rep, supportCase, presentation);
    }
}
