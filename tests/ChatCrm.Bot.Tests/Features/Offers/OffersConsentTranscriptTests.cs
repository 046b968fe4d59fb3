using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>
/// "offers" goes through the consent rule with each customer's country policy (the shipped table), stored
/// consent history and logged contacts, and tells the reasons in the user's language: Ana works in Spanish
/// (es-ES), Tom in English (en-GB). Run on SQLite and on a real PostgreSQL server.
/// </summary>
public abstract class OffersConsentTranscriptTests : IAsyncLifetime
{
    private static readonly TeamsUser Tom = new("29:tom-chat-id", "5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "Tom Baker");

    private FakeBotConnector _connector = null!;
    private ChatCrmApp _app = null!;

    protected CrmTestDatabase Database { get; private set; } = null!;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        _connector = await FakeBotConnector.StartAsync();
        _app = new ChatCrmApp(Database);
        await _app.WithDatabaseAsync(async db =>
        {
            var ana = await db.AddRepAsync(CrmData.Ana);
            await db.AddRepAsync(Tom, locale: "en-GB");
            await db.AddOfferAsync("SW-ANALYTICS", "Analytics Suite", "Software", ConsentPurpose.Marketing);
            await db.AddOfferAsync("PT-FINANCE", "Partner Financing Plan", "Services", ConsentPurpose.Marketing, partnerCompany: "Banco Meridiano");
            await db.AddOfferAsync("SP-RENEWAL", "Maintenance Renewal", "Support", ConsentPurpose.Service);

            await db.AddCustomerAsync("Begoña Ibáñez", "Ordóñez y Castañeda S.L.", "ES", email: "begona@oyc.es", owner: ana);
            await db.AddCustomerAsync("Jennifer Walsh", "Walsh Hardware Inc.", "US", email: "jwalsh@walshhardware.com", owner: ana);
            var martin = await db.AddCustomerAsync("Martín Sosa", "Ferretería del Plata S.R.L.", "AR", email: "msosa@delplata.com.ar", owner: ana);
            await db.GrantAsync(martin, ConsentPurpose.Marketing, ContactChannel.Email);
            await db.AddCustomerAsync("Guadalupe Ramírez", "Abarrotes Ramírez S.A. de C.V.", "MX", email: "lupita@abarrotesramirez.mx", owner: ana);
            var joaquin = await db.AddCustomerAsync("Joaquín Restrepo", "Café Andino S.A.S.", "CO", email: "joaquin@cafeandino.co", owner: ana);
            await db.GrantAsync(joaquin, ConsentPurpose.Marketing, ContactChannel.Email);
            db.Interactions.Add(Interaction.Log(joaquin.Id, ana.Id, CrmData.Now.AddDays(-3), CrmData.Now, InteractionChannel.Phone, InteractionKind.Call,
                "Llamada sobre el pedido de temporada", null, null));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await Database.DisposeAsync();
    }

    [Fact]
    public async Task Offers_SpanishCustomerWithoutConsent_SpanishUserSeesTheOptInReasonInSpanish()
    {
        var turn = (await _app.Chat(_connector, CrmData.Ana, locale: "es-ES").SendAsync("offers begona@oyc.es")).ShouldSay(
            "Ofertas para Begoña Ibáñez", "reglas de consentimiento de ES", "Maintenance Renewal",
            "los mensajes de servicio por correo electrónico no necesitan consentimiento previo",
            "Retenidas", "no hay consentimiento registrado para comunicaciones comerciales por correo electrónico y en ES se exige consentimiento previo");

        Assert.DoesNotContain("no consent to", turn.Text, StringComparison.Ordinal);
        Assert.Empty(_connector.Violations);
    }

    [Fact]
    public async Task Offers_UsCustomerWithoutRecords_EnglishUserSeesMarketingAllowedByOptOut()
    {
        var chat = _app.Chat(_connector, Tom);
        var turn = (await chat.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, chat.ConversationId, Tom, "offers jwalsh@walshhardware.com"))).ShouldSay(
            "Offers for Jennifer Walsh", "Analytics Suite", "new category for this customer: Software",
            "no objection to marketing by e-mail on record, and US allows it until the customer opts out");

        Assert.DoesNotContain("Held back", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("consentimiento", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_ArgentineCustomer_PartnerIncentiveHeldBackWhateverTheConsent()
    {
        var turn = (await _app.Chat(_connector, CrmData.Ana, locale: "es-ES").SendAsync("offers msosa@delplata.com.ar")).ShouldSay(
            "Analytics Suite", "dio su consentimiento a comunicaciones comerciales por correo electrónico",
            "Retenidas", "Partner Financing Plan", "en AR no se permiten ofertas con incentivos de una empresa asociada (Banco Meridiano)");

        Assert.DoesNotContain("12 months interest-free", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_MexicanCustomer_MarketingEmailOnlyAfterAVisitLoggedInTheChat()
    {
        var chat = _app.Chat(_connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("offers lupita@abarrotesramirez.mx")).ShouldSay(
            "Retenidas", "Analytics Suite", "en MX las comunicaciones comerciales por correo electrónico exigen una visita, llamada o reunión previa");

        await chat.SendAsync("log lupita@abarrotesramirez.mx");
        (await chat.SendAsync("visit")).ShouldSay("¿De qué trató?");
        await chat.SendAsync("Visita a la tienda de Guadalajara: quieren cuadros de mando");
        await chat.SendAsync("skip");
        (await chat.SendAsync("no")).ShouldSay("Interacción registrada");

        var after = (await chat.SendAsync("offers lupita@abarrotesramirez.mx")).ShouldSay(
            "Analytics Suite", "no consta oposición a comunicaciones comerciales por correo electrónico y en MX se permite mientras el cliente no se oponga");
        Assert.DoesNotContain("exigen una visita", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_LastReachedByPhone_ConsentIsCheckedForThePhone()
    {
        // Joaquín agreed to marketing by e-mail, but the offer would go out by phone, and Colombia is opt-in.
        var chat = _app.Chat(_connector, Tom);
        (await chat.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, chat.ConversationId, Tom, "offers joaquin@cafeandino.co"))).ShouldSay(
            "for contact by phone", "Held back", "Analytics Suite", "no consent to marketing by phone on record, and CO requires opt-in");
    }

    [Fact]
    public async Task Offers_EuCustomerWithoutProfilingOptIn_CardSaysInSpanishThatRulesRankWithoutBehaviour()
    {
        (await _app.Chat(_connector, CrmData.Ana, locale: "es-ES").SendAsync("offers begona@oyc.es")).ShouldSay(
            "Ordenadas por reglas, sin usar el comportamiento del cliente: no hay consentimiento registrado para elaboración de perfiles por correo electrónico y en ES se exige consentimiento previo.");
    }

    [Fact]
    public async Task Offers_EuCustomerWithoutProfilingOptIn_CardSaysInEnglishThatRulesRankWithoutBehaviour()
    {
        var chat = _app.Chat(_connector, Tom);
        var turn = (await chat.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, chat.ConversationId, Tom, "offers begona@oyc.es"))).ShouldSay(
            "Ranked by rules, not by the customer's behaviour: no consent to profiling by e-mail on record, and ES requires opt-in.");
        Assert.DoesNotContain("not enough history", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_UsCustomerWithoutProfilingRecords_NoProfilingLine()
    {
        var chat = _app.Chat(_connector, Tom);
        var turn = (await chat.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, chat.ConversationId, Tom, "offers jwalsh@walshhardware.com"))).ShouldSay(
            "Ranked by rules: not enough history yet.");
        Assert.DoesNotContain("behaviour", turn.Text, StringComparison.Ordinal);
    }
}

public sealed class SqliteOffersConsentTranscriptTests : OffersConsentTranscriptTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.MigratedFile());
}

public sealed class PostgresOffersConsentTranscriptTests : OffersConsentTranscriptTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(nameof(PostgresOffersConsentTranscriptTests));
}
