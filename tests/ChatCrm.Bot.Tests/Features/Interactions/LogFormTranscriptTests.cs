using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// The log form as one Teams card: opened from the customer card or by "log form", checked on the server with a
/// message per wrong field (values kept), replaced in place by a read-only confirmation, and stored once however
/// often, and by however many instances, its button is pressed. In English and Spanish.
/// </summary>
public sealed class LogFormTranscriptTests : BotTestBase
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America", locale: "en-US");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
    }

    private static string? InputValue(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["id"] == id).Select(b => (string?)b["value"]).SingleOrDefault();

    private static JsonObject? Input(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().SingleOrDefault(b => (string?)b["id"] == id);

    [Fact]
    public async Task Execute_CustomerCardLogInteraction_OpensTheFormAndStoresItOnceHoweverOftenPressed()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("find maria.nunez@acme.es");

        (await chat.ExecuteAsync("Log interaction")).ShouldSay("Log an interaction with María Núñez");
        var form = chat.LastCard!;
        Assert.Equal("Input.ChoiceSet", (string?)Input(form.Card!, "kind")!["type"]);
        Assert.Equal("Input.ChoiceSet", (string?)Input(form.Card!, "channel")!["type"]);
        Assert.True((bool?)Input(form.Card!, "summary")!["isRequired"]);
        Assert.False(string.IsNullOrEmpty((string?)Input(form.Card!, "summary")!["errorMessage"]));
        var todayInMadrid = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Madrid).DateTime);
        Assert.Equal(todayInMadrid.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), InputValue(form.Card!, "date"));
        var yesterday = todayInMadrid.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, string)[] inputs = [("kind", "Call"), ("channel", "Teams"), ("date", yesterday), ("summary", "Renewal call"), ("outcome", "Quote next week"), ("followUp", "2099-03-01")];

        var logged = (await chat.ExecuteAsync("Log it", inputs)).ShouldSay("Interaction logged", "Renewal call", "2099-03-01", "Teams");
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)chat.LastInvokeAnswer!["type"]);
        Assert.DoesNotContain(logged.Messages.Single().Card!["body"]!.AsArray(), b => ((string?)b!["type"])!.StartsWith("Input.", StringComparison.Ordinal));
        var again = await chat.ExecuteOnAsync(form, "Log it", inputs);

        again.ShouldSay("Interaction logged", "Renewal call");
        var stored = await App.WithDatabaseAsync(db => db.Interactions.AsNoTracking().SingleAsync());
        Assert.Equal((InteractionKind.Call, InteractionChannel.Teams, "Quote next week", new DateOnly(2099, 3, 1)), (stored.Kind, stored.Channel, stored.Outcome, stored.FollowUpOn));
        Assert.Equal(yesterday, TimeZoneInfo.ConvertTime(stored.OccurredAt, Madrid).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.SubmittedForms.CountAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.LoggedInteraction)));
    }

    [Fact]
    public async Task Execute_WrongFields_ShowsTheSameFormWithValuesKeptAndAMessagePerField()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.SendAsync("log form")).ShouldSay("Log an interaction");
        var formId = (string?)chat.LastCard!.Buttons.Single()["data"]!["formId"];

        var turn = await chat.ExecuteAsync("Log it", ("customer", "zzqx nobody"), ("kind", "Call"), ("date", "2099-01-01"), ("summary", "  "), ("followUp", "someday"));

        turn.ShouldSay("Nothing was logged yet", "No customer matches that", "cannot be in the future", "summary cannot be empty", "couldn't read that date");
        var again = chat.LastCard!.Card!;
        Assert.Equal("zzqx nobody", InputValue(again, "customer"));
        Assert.Equal("Call", InputValue(again, "kind"));
        Assert.Equal(formId, (string?)chat.LastCard.Buttons.Single()["data"]!["formId"]);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));

        (await chat.ExecuteAsync("Log it", ("customer", "maria.nunez@acme.es"), ("kind", "Visit"), ("summary", "Visited the office"))).ShouldSay("Interaction logged");
        Assert.Equal(InteractionChannel.Visit, (await App.WithDatabaseAsync(db => db.Interactions.SingleAsync())).Channel);
    }

    [Fact]
    public async Task Execute_SpanishClient_FormErrorsAndConfirmationInSpanish()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        (await chat.SendAsync("registrar formulario maria.nunez@acme.es")).ShouldSay("Registrar una interacción", "Tipo de contacto", "Resumen");
        Assert.Equal("maria.nunez@acme.es", InputValue(chat.LastCard!.Card!, "customer"));

        (await chat.ExecuteAsync("Registrar", ("customer", "maria.nunez@acme.es"), ("kind", "Call"), ("summary", " ")))
            .ShouldSay("Aún no se ha registrado nada", "El resumen no puede estar vacío");
        var turn = await chat.ExecuteAsync("Registrar", ("customer", "maria.nunez@acme.es"), ("kind", "Meeting"), ("summary", "Reunión trimestral"));

        turn.ShouldSay("Interacción registrada", "Reunión", "Reunión trimestral");
        Assert.DoesNotContain("Interaction logged", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SameFormOnAnotherInstance_AnswersTheSameConfirmationWithoutLoggingTwice()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log form maria.nunez@acme.es");
        var form = chat.LastCard!;
        (string, string)[] inputs = [("customer", "maria.nunez@acme.es"), ("kind", "Email"), ("summary", "Sent the price list")];
        await using var second = new ChatCrmApp(Database);
        var otherInstance = second.Chat(Connector, CrmData.Ana, chat.ConversationId);

        var first = await chat.ExecuteOnAsync(form, "Log it", inputs);
        var repeat = await otherInstance.ExecuteOnAsync(form, "Log it", inputs);

        first.ShouldSay("Interaction logged", "Sent the price list");
        repeat.ShouldSay("Interaction logged", "Sent the price list");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Execute_SomeoneElsePressesAStoredForm_IsToldItIsDoneAndSeesNothingOfIt()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log form maria.nunez@acme.es");
        var form = chat.LastCard!;
        await chat.ExecuteOnAsync(form, "Log it", ("customer", "maria.nunez@acme.es"), ("kind", "Call"), ("summary", "Private pricing talk"));
        var emily = App.Chat(Connector, Emily, chat.ConversationId);

        var turn = await emily.ExecuteOnAsync(form, "Log it", ("customer", "maria.nunez@acme.es"), ("kind", "Call"), ("summary", "Private pricing talk"));

        Assert.Contains("already logged by someone else", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Private pricing talk", turn.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Press_SubmitFallbackOnAnOldClient_LogsOnceAndPostsTheConfirmation()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("log form maria.nunez@acme.es");
        var form = chat.LastCard!;

        (await chat.PressAsync("Log it", ("customer", "maria.nunez@acme.es"), ("kind", "Chat"), ("summary", "Answered questions in chat"))).ShouldSay("Interaction logged");
        (await chat.PressOnAsync(form, "Log it", ("customer", "maria.nunez@acme.es"), ("kind", "Chat"), ("summary", "Answered questions in chat"))).ShouldSay("Interaction logged");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Send_TypedLog_KeepsTheStepByStepDialogAndMentionsTheForm()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("log")).ShouldSay("Which customer?", "log form");
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("registrar")).ShouldSay("¿Qué cliente?", "registrar formulario");
    }
}
