using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Offers;

/// <summary>
/// Training learns only from customers whose consent allows profiling on the channel the offer went out on, as their
/// consent stands now: an EU customer without an opt-in, or who withdrew it, is left out; a US customer (opt-out
/// country) is kept unless they objected. With the shipped policy table, on each engine.
/// </summary>
public abstract class OfferTrainingConsentTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly DateTimeOffset Earlier = Now.AddDays(-90);

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task ReadAsync_EuAndUsCustomers_LeavesOutThoseWhoDoNotAllowProfiling()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var rep = new User(UserId.New(), "Ana Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        var offer = new Offer(OfferId.New(), "UPSELL", "Upsell", "software", ConsentPurpose.Marketing, "A pitch.");
        var spainSilent = Customer("ES", "Lucía Silent");
        var spainOptedIn = Customer("ES", "Pablo Opted");
        var spainWithdrew = Customer("ES", "Marta Withdrew");
        var usSilent = Customer("US", "John Silent");
        var usObjected = Customer("US", "Kate Objected");
        await using (var db = database.CreateContext())
        {
            db.Users.Add(rep);
            db.Offers.Add(offer);
            db.Customers.AddRange(spainSilent, spainOptedIn, spainWithdrew, usSilent, usObjected);
            db.ConsentRecords.AddRange(
                ConsentRecord.Grant(spainOptedIn.Id, ConsentPurpose.Profiling, ContactChannel.Email, "web form", Earlier.AddDays(-1)),
                ConsentRecord.Grant(spainWithdrew.Id, ConsentPurpose.Profiling, ContactChannel.Email, "web form", Earlier.AddDays(-1)),
                // Withdrawn after the offer was answered: training reads consent as it stands now.
                ConsentRecord.Withdraw(spainWithdrew.Id, ConsentPurpose.Profiling, ContactChannel.Email, "call", Now.AddDays(-1)),
                ConsentRecord.Withdraw(usObjected.Id, ConsentPurpose.Profiling, ContactChannel.Email, "letter", Earlier.AddDays(-1)),
                // A grant on another channel does not cover the e-mail the offer went out on.
                ConsentRecord.Grant(spainSilent.Id, ConsentPurpose.Profiling, ContactChannel.Sms, "web form", Earlier.AddDays(-1)));
            foreach (var customer in new[] { spainSilent, spainOptedIn, spainWithdrew, usSilent, usObjected })
            {
                var presentation = new OfferPresentation(OfferPresentationId.New(), customer.Id, offer.Id, rep.Id, Earlier, "Teams",
                    ContactChannel.Email, OfferRankingSource.Rules, null);
                presentation.Answer(OfferResponse.Accepted, rep.Id, Earlier.AddMinutes(5));
                db.OfferPresentations.Add(presentation);
            }
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var examples = await new OfferTrainingData(read, ConsentPolicyFile.LoadShipped()).ReadAsync(null, CancellationToken.None);

        var learnedFrom = examples.Select(e => e.Card.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new HashSet<string>([Key(spainOptedIn), Key(usSilent)]), learnedFrom);
    }

    private static string Key(Customer customer) => customer.Id.Value.ToString("N");

    private static Customer Customer(string country, string name) =>
        new(CustomerId.New(), name, null, CountryCode.Parse(country), country == "ES" ? LanguageCode.Spanish : LanguageCode.English, Earlier.AddDays(-30));
}

public sealed class SqliteOfferTrainingConsentTests : OfferTrainingConsentTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresOfferTrainingConsentTests : OfferTrainingConsentTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("training_consent");
}
