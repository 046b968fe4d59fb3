using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Intake;

/// <summary>
/// The intake as the chat uses it: a new customer checked with the import's rules but without an external id, staging
/// nothing; a correction checked and applied all or nothing, handles normalised with the corrected country, a handle of
/// another customer refused naming its holder.
/// </summary>
public sealed class ChatCustomerIntakeTests : IAsyncLifetime
{
    private CrmTestDatabase _database = null!;
    private Customer _ana = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFile().MigrateAsync();
        await using var db = _database.CreateContext();
        _ana = new Customer(CustomerId.New(), "Ana Núñez", "Cafés del Sur", CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow);
        _ana.AddIdentity(IdentityKind.Email, "ana@cafes.es");
        _ana.AddIdentity(IdentityKind.ExternalId, "A-1");
        db.Customers.Add(_ana);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CheckNewAsync_NoExternalId_NormalisesTheHandlesAndStagesNothing()
    {
        await using var db = _database.CreateContext();

        var (result, customer) = await new CustomerUpsert(db, TimeProvider.System).CheckNewAsync(
            new CustomerIntake(null, "Luis Gil", null, "es", null, null, " Luis@Gil.ES ", "600 123 456"), default);

        Assert.Equal(IntakeOutcome.Created, result.Outcome);
        Assert.Equal(["+34600123456", "luis@gil.es"], customer!.Identities.Select(i => i.Value).Order(StringComparer.Ordinal));
        Assert.Equal("es", customer.PreferredLanguage.Value);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task CheckNewAsync_HandleOrExternalIdOfAnotherCustomer_IsRefusedNamingTheHolder()
    {
        await using var db = _database.CreateContext();

        var (result, customer) = await new CustomerUpsert(db, TimeProvider.System).CheckNewAsync(
            new CustomerIntake(" a-1 ", "Luis Gil", null, "ES", "es", null, "ANA@cafes.es"), default);

        Assert.Null(customer);
        Assert.Equal([("email", _ana.Id), ("externalId", _ana.Id)], result.Errors.Select(e => (e.Field, e.HeldBy!.Value)).OrderBy(e => e.Field, StringComparer.Ordinal));
    }

    [Fact]
    public async Task CorrectAsync_NewCountry_NormalisesTheAddedPhoneWithItAndDescribesTheChangeWithoutPersonalData()
    {
        await using var db = _database.CreateContext();
        var ana = await db.Customers.Include(c => c.Identities).SingleAsync();
        var email = ana.Identities.Single(i => i.Kind == IdentityKind.Email).Id;

        var result = await new CustomerCorrections(db).CorrectAsync(ana, new CustomerCorrection("Ana Núñez", null, "MX", "en",
            [(IdentityKind.Phone, "55 1234 5678", "newPhone")], email, "remove"), apply: true, default);
        await db.SaveChangesAsync();

        var phone = ana.Identities.Single(i => i.Kind == IdentityKind.Phone);
        Assert.Equal("+525512345678", phone.Value);
        Assert.Equal(["company", "country: ES -> MX", "language: es -> en", $"removed Email {email}", $"added Phone {phone.Id}"], result.Changes);
        Assert.Null(ana.Company);
    }

    [Fact]
    public async Task CorrectAsync_AnyFieldWrong_AppliesNothing()
    {
        await using var db = _database.CreateContext();
        var ana = await db.Customers.Include(c => c.Identities).SingleAsync();
        var other = new Customer(CustomerId.New(), "Luis Gil", null, CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow);
        other.AddIdentity(IdentityKind.LoyaltyNumber, "L-9");
        db.Customers.Add(other);
        await db.SaveChangesAsync();

        var result = await new CustomerCorrections(db).CorrectAsync(ana, new CustomerCorrection("Ana María Núñez", "Cafés", "XX", null,
            [(IdentityKind.LoyaltyNumber, "l-9", "newLoyaltyNumber"), (IdentityKind.Email, "not-an-email", "newEmail")], Guid.NewGuid(), "remove"), apply: true, default);

        Assert.Equal(["country", "newEmail", "newLoyaltyNumber", "remove"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(other.Id, result.Errors.Single(e => e.Field == "newLoyaltyNumber").HeldBy);
        Assert.Equal(("Ana Núñez", "Cafés del Sur", 2), (ana.DisplayName, ana.Company, ana.Identities.Count));
        Assert.Equal(EntityState.Unchanged, db.Entry(ana).State);
    }
}
