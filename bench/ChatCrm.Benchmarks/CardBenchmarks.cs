using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Features.Help;
using BenchmarkDotNet.Attributes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Domain.Users;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Rendering the channel-neutral cards a turn sends most (the help card, a five-candidate choice) to Teams Adaptive Card
/// JSON and to Slack Block Kit, through to the serialised text that goes on the wire. No database.
/// </summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private Card _help = null!;
    private Card _choice = null!;

    [GlobalSetup]
    public void Setup()
    {
        _help = HelpCards.Help(role: UserRole.SalesRep, language: LanguageCode.Spanish);
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var candidates = Enumerable.Range(1, 5).Select(i =>
        {
            var customer = new Customer(CustomerId.New(), $"María Núñez {i}", "Acme Ibérica", CountryCode.Parse("ES"), LanguageCode.Spanish, now);
            customer.AddIdentity(IdentityKind.Email, $"maria{i}@acme.es");
            return new ScoredCustomer(customer, 0.9 - (i * 0.05), ["name matches"]);
        }).ToList();
        _choice = CustomerCards.Choose("maria nunez", candidates, moreExist: true, "last", LanguageCode.English);
    }

    [Benchmark]
    public string TeamsHelp() => AdaptiveCardRenderer.Render(_help).ToJsonString();

    [Benchmark]
    public string TeamsChoice() => AdaptiveCardRenderer.Render(_choice).ToJsonString();

    [Benchmark]
    public string SlackHelp() => BlockKitRenderer.Render(_help).ToJsonString();

    [Benchmark]
    public string SlackChoice() => BlockKitRenderer.Render(_choice).ToJsonString();
}
