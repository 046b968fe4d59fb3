using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>What is written comes back equal, on every engine we run.</summary>
public abstract class RoundTripTests(DatabaseFixture db)
{
    /// <summary>A time with microseconds (the finest PostgreSQL stores), given in Madrid time.</summary>
    private static readonly DateTimeOffset PreciseMadridTime =
        new DateTimeOffset(2026, 3, 9, 17, 45, 12, TimeSpan.FromHours(1)).AddTicks(1_234_560);

    [Fact]
    public async Task SaveChanges_CustomerWithHistory_RoundTripsAllValues()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var email = CrmTestData.UniqueEmail("María.Núñez").ToUpperInvariant();
        customer.AddIdentity(IdentityKind.Email, email);
        customer.AddIdentity(IdentityKind.Phone, $"6{Random.Shared.Next(10_000_000, 99_999_999)}");
        customer.AddIdentity(IdentityKind.SlackUser, $"T01:U{Guid.NewGuid():N}");
        var visit = Interaction.Log(customer.Id, rep.Id, PreciseMadridTime, TestClock.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "  Visita en tienda: quiere ampliar el taller ", "Pide presupuesto", new DateOnly(2026, 3, 16));
        var email1 = Interaction.Log(customer.Id, rep.Id, PreciseMadridTime.AddDays(-3), TestClock.Now, InteractionChannel.Email, InteractionKind.Email,
            "Envío de catálogo", null, null);
        var orders = new[]
        {
            Order.Place(customer.Id, "drill-18v", 149.99m, "eur", PreciseMadridTime.AddDays(-30)),
            Order.Place(customer.Id, "screws-100", 0.01m, "EUR", PreciseMadridTime.AddDays(-29)),
            Order.Place(customer.Id, "warehouse", 1_234_567_890_123_456.78m, "MXN", PreciseMadridTime.AddDays(-28)),
        };
        var consents = new[]
        {
            ConsentRecord.Grant(customer.Id, ConsentPurpose.Marketing, ContactChannel.Email, "formulario web", PreciseMadridTime.AddDays(-60)),
            ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Marketing, ContactChannel.Sms, "llamada con el comercial", PreciseMadridTime.AddDays(-10)),
        };

        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.Add(customer);
            write.Interactions.AddRange(visit, email1);
            write.Orders.AddRange(orders);
            write.ConsentRecords.AddRange(consents);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == customer.Id);
        Assert.Equal("María Núñez", loaded.DisplayName);
        Assert.Equal("maria nunez", loaded.NameKey);
        Assert.Equal("Ferretería Núñez S.L.", loaded.Company);
        Assert.Equal("ferreteria nunez s l", loaded.CompanyKey);
        Assert.Equal(customer.Country, loaded.Country);
        Assert.Equal(customer.PreferredLanguage, loaded.PreferredLanguage);
        AssertSameInstant(customer.CreatedAt, loaded.CreatedAt);
        Assert.Equal(
            customer.Identities.Select(i => (i.Id, i.CustomerId, i.Kind, i.Value)).OrderBy(i => i.Id),
            loaded.Identities.Select(i => (i.Id, i.CustomerId, i.Kind, i.Value)).OrderBy(i => i.Id));
        var storedEmail = email.ToLowerInvariant();
        Assert.Contains(loaded.Identities, i => i.Kind == IdentityKind.Email && i.Value == storedEmail);

        var interactions = await read.Interactions.Where(i => i.CustomerId == customer.Id).OrderBy(i => i.OccurredAt).ToListAsync();
        Assert.Equal([email1.Id, visit.Id], interactions.Select(i => i.Id));
        var loadedVisit = interactions[1];
        Assert.Equal(rep.Id, loadedVisit.LoggedBy);
        AssertSameInstant(PreciseMadridTime, loadedVisit.OccurredAt);
        AssertSameInstant(TestClock.Now, loadedVisit.RecordedAt);
        Assert.Equal(InteractionChannel.Visit, loadedVisit.Channel);
        Assert.Equal(InteractionKind.Visit, loadedVisit.Kind);
        Assert.Equal("Visita en tienda: quiere ampliar el taller", loadedVisit.Summary);
        Assert.Equal("Pide presupuesto", loadedVisit.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 16), loadedVisit.FollowUpOn);
        Assert.Null(interactions[0].Outcome);
        Assert.Null(interactions[0].FollowUpOn);

        var loadedOrders = await read.Orders.Where(o => o.CustomerId == customer.Id).OrderBy(o => o.PlacedAt).ToListAsync();
        Assert.Equal(
            orders.Select(o => (o.Id, o.ProductCode, o.Amount, o.Currency, o.PlacedAt.UtcTicks)),
            loadedOrders.Select(o => (o.Id, o.ProductCode, o.Amount, o.Currency, o.PlacedAt.UtcTicks)));

        var loadedConsents = await read.ConsentRecords.Where(c => c.CustomerId == customer.Id).OrderBy(c => c.RecordedAt).ToListAsync();
        Assert.Equal(
            consents.Select(c => (c.Id, c.Purpose, c.Channel, c.Granted, c.Source, c.RecordedAt.UtcTicks)),
            loadedConsents.Select(c => (c.Id, c.Purpose, c.Channel, c.Granted, c.Source, c.RecordedAt.UtcTicks)));
        var subject = new ConsentSubject(ConsentPolicyFile.LoadShipped().For(loaded.Country), loadedConsents, HadPriorPersonalContact: true);
        Assert.True(ConsentRules.Evaluate(subject, new Outreach(ConsentPurpose.Marketing, ContactChannel.Email)).Allowed);
        Assert.False(ConsentRules.Evaluate(subject, new Outreach(ConsentPurpose.Marketing, ContactChannel.Sms)).Allowed);
    }

    [Fact]
    public async Task SaveChanges_RepWithManagerAndChatLinks_RoundTrips()
    {
        var manager = CrmTestData.Rep("Jordi Puig");
        var rep = CrmTestData.Rep();
        rep.ReportTo(manager.Id);
        rep.LinkTeams($"{Guid.NewGuid()}".ToUpperInvariant());
        rep.LinkSlack("T01", $"U{Guid.NewGuid():N}");

        await using (var write = db.CreateContext())
        {
            write.Users.AddRange(manager, rep);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.Users.SingleAsync(u => u.Id == rep.Id);
        Assert.Equal(
            (rep.DisplayName, rep.Role, rep.Team, rep.ManagerId, rep.TeamsAadObjectId, rep.SlackUserKey, rep.TimeZone, rep.Locale),
            (loaded.DisplayName, loaded.Role, loaded.Team, loaded.ManagerId, loaded.TeamsAadObjectId, loaded.SlackUserKey, loaded.TimeZone, loaded.Locale));
        Assert.Equal(manager.Id, loaded.ManagerId);
    }

    /// <summary>Same instant, to the tick, and read back as UTC.</summary>
    private static void AssertSameInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }
}

public sealed class SqliteRoundTripTests(SqliteFixture db) : RoundTripTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresRoundTripTests(PostgresFixture db) : RoundTripTests(db), IClassFixture<PostgresFixture>;
