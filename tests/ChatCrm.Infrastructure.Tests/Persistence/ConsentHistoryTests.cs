using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Consents;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// Consent history is stored append-only and read back exactly — including records made at the same instant —
/// so the consent rule decides the same on every engine; partner offers keep their partner.
/// </summary>
public abstract class ConsentHistoryTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset SignedUp = new DateTimeOffset(2025, 11, 3, 10, 15, 30, TimeSpan.FromHours(1)).AddTicks(4_560);

    [Fact]
    public async Task SaveChanges_ConsentHistory_RoundTripsAndDecidesTheSame()
    {
        var customer = CrmTestData.Customer("Begoña Ibáñez", "Ordóñez y Castañeda S.L.");
        var history = new[]
        {
            ConsentRecord.Grant(customer.Id, ConsentPurpose.Marketing, ContactChannel.Email, "formulario web", SignedUp),
            ConsentRecord.Grant(customer.Id, ConsentPurpose.Marketing, ContactChannel.Sms, "alta en tienda", SignedUp),
            ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Marketing, ContactChannel.Sms, "lo pidió por teléfono", SignedUp),
            ConsentRecord.Grant(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "formulario web", SignedUp.AddDays(2)),
            ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "enlace de baja del correo", SignedUp.AddDays(40)),
            ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Service, ContactChannel.Phone, "prefiere correo electrónico", SignedUp.AddDays(41)),
        };
        await using (var write = db.CreateContext())
        {
            write.Customers.Add(customer);
            write.ConsentRecords.AddRange(history);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync();
        Assert.Equal(
            history.Select(c => (c.Id, c.Purpose, c.Channel, c.Granted, c.Source, c.RecordedAt.UtcTicks)).OrderBy(c => c.Id.Value),
            loaded.Select(c => (c.Id, c.Purpose, c.Channel, c.Granted, c.Source, c.RecordedAt.UtcTicks)).OrderBy(c => c.Id.Value));

        var spain = ConsentPolicyFile.LoadShipped().For(CountryCode.Parse("ES"));
        var before = ConsentSummary.Of(new ConsentSubject(spain, history, HadPriorPersonalContact: false));
        var after = ConsentSummary.Of(new ConsentSubject(spain, loaded, HadPriorPersonalContact: false));
        Assert.Equal(
            before.Standings.Select(s => (s.Purpose, s.Channel, s.Decision.Allowed, s.Decision.Rule, s.Decision.Reason.Spanish)),
            after.Standings.Select(s => (s.Purpose, s.Channel, s.Decision.Allowed, s.Decision.Rule, s.Decision.Reason.Spanish)));
        var sms = ConsentRules.Evaluate(new ConsentSubject(spain, loaded, false), new Outreach(ConsentPurpose.Marketing, ContactChannel.Sms));
        Assert.Equal(ConsentRule.RecordedWithdrawal, sms.Rule);
        Assert.Equal("retiró su consentimiento a comunicaciones comerciales por SMS el 03/11/2025 (lo pidió por teléfono)", sms.Reason.Spanish);
    }

    [Fact]
    public async Task SaveChanges_PartnerOffer_KeepsItsPartner()
    {
        var code = $"FIN-{Guid.NewGuid():N}"[..30];
        var financing = new Offer(OfferId.New(), code, "Partner Financing Plan", "Services", ConsentPurpose.Marketing,
            "Financiación en 12 meses sin intereses.", "Banco Meridiano");
        await using (var write = db.CreateContext())
        {
            write.Offers.Add(financing);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.Offers.SingleAsync(o => o.ProductCode == financing.ProductCode);
        Assert.Equal("Banco Meridiano", loaded.PartnerCompany);
        Assert.Equal(ConsentPurpose.Marketing, loaded.Purpose);
    }
}

public sealed class SqliteConsentHistoryTests(SqliteFixture db) : ConsentHistoryTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresConsentHistoryTests(PostgresFixture db) : ConsentHistoryTests(db), IClassFixture<PostgresFixture>;
