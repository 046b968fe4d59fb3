using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Persistence.Providers;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// A compose-box search reads its hits' grants together: the number of reads does not grow with the number of hits (each
/// hit still writes its own audit entry), and each card names its own customer.
/// </summary>
public sealed class MessageExtensionBatchTests : IAsyncLifetime
{
    private static readonly string[] Garcias = ["Alba García", "Bruno García", "Carla García", "Diego García", "Elena García"];
    private static readonly string[] Lopezes = ["Pablo López", "Sara López"];
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly ReadCounter _reads = new();
    private FakeBotConnector _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _app = new ChatCrmApp(_database)
        {
            TestServices = services => services.ConfigureDbContext<SqliteCrmDbContext>(builder => builder.AddInterceptors(_reads)),
        };
        await _app.WithDatabaseAsync(async db =>
        {
            var ana = await db.AddRepAsync(CrmData.Ana);
            foreach (var name in Garcias.Concat(Lopezes))
            {
                var customer = await db.AddCustomerAsync(name, "Acme Ibérica", owner: ana);
                db.Interactions.Add(Interaction.Log(customer.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit,
                    InteractionKind.Visit, $"Visited {name}", null, null));
            }
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Query_FiveHitsOrTwo_SameNumberOfReadsAndEachCardItsOwnCustomer()
    {
        await SearchAsync("acme"); // warms the host and its caches, so both counts below are of a search alone
        var (twoCards, forTwo) = await SearchAsync("lopez");
        var (fiveCards, forFive) = await SearchAsync("garcia");

        Assert.Equal(2, twoCards.Count);
        Assert.Equal(5, fiveCards.Count);
        Assert.Equal(forTwo, forFive);
        foreach (var name in Garcias)
        {
            // Each card is its own customer's identity, refreshing into each reader's view; no figures are inserted.
            var card = Assert.Single(fiveCards, c => ((string)c["fallbackText"]!).Contains(name, StringComparison.Ordinal));
            Assert.DoesNotContain("Visited", card.ToJsonString(), StringComparison.Ordinal);
            Assert.NotNull(card["refresh"]!["action"]!["data"]!["customerId"]);
        }
        Assert.Equal(5, fiveCards.Select(c => (string?)c["refresh"]!["action"]!["data"]!["customerId"]).Distinct().Count());
    }

    private async Task<(List<JsonObject> Cards, int Reads)> SearchAsync(string text)
    {
        using var http = _app.CreateClient();
        var invoke = TeamsActivities.Invoke(_connector.ServiceUrl, "19:group-chat", CrmData.Ana, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchCustomers",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchText", ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        });
        var before = _reads.Count;
        using var response = await http.PostAsJsonAsync("/api/messages", invoke);
        var reads = _reads.Count - before;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!.AsObject();
        return (result["attachments"]!.AsArray().Select(a => a!["content"]!.AsObject()).ToList(), reads);
    }
}
