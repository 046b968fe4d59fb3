using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Customers;

/// <summary>"last": the last contact on any channel plus what a rep needs before speaking, cut by need-to-know.</summary>
public sealed class LastConversationSummaryTests : BotTestBase
{
    private static readonly TeamsUser Hannah = new("29:hannah-chat-id", "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Hannah Support");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Hannah, UserRole.SupportAgent, "Support");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        var today = CrmData.Today;
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-40), CrmData.Now, InteractionChannel.Email, InteractionKind.Email,
            "Sent the brochure. Nice chat about the weather.", null, null));
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-10), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Visited the Madrid office. Pidió un presupuesto de 20 licencias.", "Wants the quote before Friday", today.AddDays(-3)));
        db.SupportCases.Add(SupportCase.Open(maria.Id, "Invoice twice", null, CasePriority.High, ValueTier.Gold, ana.Id, "Ventas España",
            CrmData.Now.AddDays(-5), SlaTable.Default));
        db.CustomerValues.Add(new CustomerValue(new CustomerFigures(maria.Id, 48_000m, 6, CrmData.Now.AddDays(-20), 0), ValueTier.Gold, "EUR", CrmData.Now));
        db.TierChanges.Add(TierChange.Detect(maria.Id, ValueTier.Platinum, ValueTier.Gold, CrmData.Now.AddDays(-7), 48_000m, "EUR")!);
        db.ConsentRecords.Add(ConsentRecord.Grant(maria.Id, ConsentPurpose.Marketing, ContactChannel.Phone, "web form", CrmData.Now.AddMonths(-6)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Last_SpanishRep_SeesFollowUpCasesTierTrendConsentsAndTheSummary()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("ultimo maria.nunez@acme.es")).ShouldSay(
            "Última conversación con María Núñez", "Visited the Madrid office", "Canal: Visita", "Quién: Ana García",
            "Antes de hablar", "Seguimiento: ⚠ vencido", "Casos abiertos: C-", "Invoice twice",
            "Nivel: Gold · bajó de Platinum a Gold", "Valor a 12 meses: 48,000 EUR",
            "Comunicaciones comerciales permitidas: Teléfono", "Sin comunicaciones comerciales:",
            "Los últimos contactos, en breve", "Pidió un presupuesto de 20 licencias.", "Frases tomadas de las notas");
    }

    [Fact]
    public async Task Last_EnglishLocale_TheSameCardInEnglish()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "en-GB");

        var turn = (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay(
            "Last conversation with María Núñez", "Channel: Visit", "Before you speak", "Follow-up: ⚠ overdue since",
            "Open cases: C-", "Tier: Gold · dropped from Platinum to Gold", "12-month value", "Marketing allowed: Phone",
            "The last contacts in brief", "Wants the quote before Friday", "Sentences picked from the colleagues' notes.");

        Assert.DoesNotContain("Sent the brochure", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_SupportAgent_SeesCasesButNoTierNorRevenue_AndTheAuditSaysSo()
    {
        var chat = App.Chat(Connector, Hannah, locale: "es-ES");

        var turn = (await chat.SendAsync("last maria.nunez@acme.es")).ShouldSay("Última conversación con María Núñez", "Casos abiertos", "Sin comunicaciones comerciales");

        Assert.DoesNotContain("Nivel", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("48,000", turn.Text, StringComparison.Ordinal);
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ViewedLastConversation));
        Assert.True(audited.Fields.HasFlag(CustomerField.Cases));
        Assert.False(audited.Fields.HasFlag(CustomerField.Tier));
        Assert.False(audited.Fields.HasFlag(CustomerField.Revenue));
    }

    [Fact]
    public async Task Last_ChatModelFails_FallsBackSilentlyToTheExtractiveSummary()
    {
        await using var app = new ChatCrmApp(Database) { TestServices = s => s.AddSingleton<IChatClient>(new ScriptedChatClient(null)) };

        var turn = (await app.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("last maria.nunez@acme.es"))
            .ShouldSay("Los últimos contactos, en breve", "Pidió un presupuesto de 20 licencias.", "Frases tomadas de las notas");

        Assert.DoesNotContain("Redactado por el modelo", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_ChatModelTooSlow_FallsBackToTheExtractiveSummary()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Summaries:ChatClientTimeout"] = "00:00:00.100" })
        {
            TestServices = s => s.AddSingleton<IChatClient>(new ScriptedChatClient("never", hangs: true)),
        };

        (await app.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("last maria.nunez@acme.es")).ShouldSay("Frases tomadas de las notas");
    }

    [Fact]
    public async Task Last_ChatModelAnswers_ItsLinesAreShownAndMarkedAsWrittenByTheModel()
    {
        var model = new ScriptedChatClient("- 2026-05-01 Quiere el presupuesto antes del viernes.\n- Factura duplicada abierta.");
        await using var app = new ChatCrmApp(Database) { TestServices = s => s.AddSingleton<IChatClient>(model) };

        (await app.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("last maria.nunez@acme.es"))
            .ShouldSay("2026-05-01 Quiere el presupuesto antes del viernes.", "Factura duplicada abierta.", "Redactado por el modelo de IA");
        Assert.Contains("español", model.LastInstruction, StringComparison.Ordinal);
    }

    /// <summary>A chat model stand-in: answers a fixed text, throws when it has none, or never answers.</summary>
    private sealed class ScriptedChatClient(string? answer, bool hangs = false) : IChatClient
    {
        public string LastInstruction { get; private set; } = string.Empty;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastInstruction = messages.First().Text;
            if (hangs)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            return answer is null
                ? throw new HttpRequestException("The model endpoint is down.")
                : new ChatResponse(new ChatMessage(ChatRole.Assistant, answer));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
