using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Load.Fakes;
using ChatCrm.Load.Measuring;
using ChatCrm.Load.Mix;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Tests.Load;

/// <summary>
/// The load generator (bench/ChatCrm.Load) measures honestly only if its numbers are computed right, its replies are
/// matched to the right requests, and the bot accepts what it sends: its JWTs and Slack signatures are checked here
/// with the bot's own validators.
/// </summary>
public sealed class LoadToolTests
{
    [Fact]
    public void LatencySummary_OneToHundred_NearestRankPercentiles()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.Equal(new LatencySummary(100, 50, 95, 99, 100), summary);
    }

    [Fact]
    public void LatencySummary_FewValues_P99IsTheLargest()
    {
        var summary = LatencySummary.Of([3.0, 1.0, 2.0]);

        Assert.Equal(2, summary.Median);
        Assert.Equal(3, summary.P99);
        Assert.Equal(LatencySummary.Empty, LatencySummary.Of([]));
    }

    [Fact]
    public void MixWeights_PeerRun_DropsKindsThePeerCannotAnswer()
    {
        var weights = MixWeights.Parse("teams-find=3,slack-command=5,teams-log=1", TurnKind.Peer, out var problem);

        Assert.Null(problem);
        Assert.Equal([(TurnKind.TeamsFind, 3), (TurnKind.TeamsLog, 1)], weights.Weights);
        var random = new Random(7);
        Assert.All(Enumerable.Range(0, 200).Select(_ => weights.Pick(random)), kind => Assert.Contains(kind, TurnKind.Peer));
    }

    [Theory]
    [InlineData("teams-fnd=3")]
    [InlineData("teams-find")]
    [InlineData("teams-find=-1")]
    [InlineData("slack-command=0")]
    public void MixWeights_Unusable_SaysWhy(string text)
    {
        MixWeights.Parse(text, TurnKind.All, out var problem);

        Assert.NotNull(problem);
    }

    [Fact]
    public void ReplyReading_ChoiceList_PressesTheFirstCustomerButton()
    {
        const string reply = """
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard",
             "actions":[{"type":"Action.OpenUrl","url":"https://example.com"},
                        {"type":"Action.Execute","verb":"log","data":{"verb":"log","customerId":"c-1"}},
                        {"type":"Action.Execute","verb":"log","data":{"verb":"log","customerId":"c-2"}}]}}]}
            """;

        var choice = ReplyReading.FirstChoice(reply);

        Assert.NotNull(choice);
        Assert.Equal("log", choice.Value.Verb);
        Assert.Equal("c-1", (string?)choice.Value.Data["customerId"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("""{"type":"message","text":"What kind of contact was it?"}""")]
    [InlineData("""{"type":"message","attachments":[{"content":{"actions":[{"type":"Action.Execute","verb":"call","data":{"kind":"Call"}}]}}]}""")]
    public void ReplyReading_NoCustomerChoice_IsNull(string? reply) => Assert.Null(ReplyReading.FirstChoice(reply));

    [Fact]
    public async Task ReplyLog_RepliesGoToTheKeyThatExpectsThem_OthersAreUnmatched()
    {
        var log = new ReplyLog();
        var mine = log.Expect("teams:a:1");
        var seen = mine.Count;

        log.Record("teams:a:2");
        log.Record("teams:a:1", """{"type":"message"}""");

        Assert.True(await mine.WaitBeyondAsync(seen, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(1, mine.Count);
        Assert.Equal("""{"type":"message"}""", mine.LastBody);
        Assert.Equal(1, log.Unmatched);
        Assert.False(await mine.WaitBeyondAsync(mine.Count, TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public void MemorySampler_StatusLine_ReadsKilobytes()
    {
        Assert.Equal(123456, MemorySampler.Kilobytes("VmRSS:\t  123456 kB"));
        Assert.Equal(0, MemorySampler.Kilobytes("VmRSS:"));
    }

    [Fact]
    public void ProcessCpuClock_StatLineWithSpacesInTheName_AddsUserAndSystemTicks()
    {
        // pid (comm) state, then fields 4…; utime (14th) = 250 and stime (15th) = 130 ticks of 1/100 s.
        const string stat = "4242 (dotnet Chat Crm) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 130 0 0 20 0 24 0 100 0 0";

        Assert.Equal(TimeSpan.FromSeconds(3.8), ProcessCpuClock.Parse(stat));
        Assert.Null(ProcessCpuClock.Parse("4242 (dotnet) S 1"));
        Assert.NotNull(ProcessCpuClock.Read(System.Environment.ProcessId));
    }

    [Fact]
    public void MixPlan_HeldRate_SpreadsItOverTheConversations()
    {
        var plan = new MixPlan(MixWeights.Parse("teams-log=1", TurnKind.Peer, out _)!, 50, null, null, 0, ["Peña"], TimeSpan.FromSeconds(1), 1, Rate: 200);

        Assert.Equal(TimeSpan.FromMilliseconds(250), plan.TurnInterval); // 50 conversations × 4 turns/s = 200 turns/s
        Assert.Equal(TimeSpan.Zero, (plan with { Rate = null }).TurnInterval);
    }

    [Fact]
    public async Task SimulatedConversation_HeldRate_WaitsForItsNextSlot_UnthrottledNeverWaits()
    {
        var paced = new SimulatedConversation(0, new Random(1), TimeSpan.FromMilliseconds(200), conversations: 1);
        var unthrottled = new SimulatedConversation(0, new Random(1));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await paced.PaceAsync(CancellationToken.None); // its first slot is now
        var first = clock.Elapsed;
        await paced.PaceAsync(CancellationToken.None); // the next one, 200 ms later
        var second = clock.Elapsed;

        Assert.True(second - first >= TimeSpan.FromMilliseconds(190), $"the second turn went {(second - first).TotalMilliseconds} ms after the first");
        Assert.True(unthrottled.PaceAsync(CancellationToken.None).IsCompletedSuccessfully); // no slot to wait for: done before it returns
        Assert.True(unthrottled.PaceAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void SlackRequests_Signature_IsWhatTheBotVerifies()
    {
        var body = Encoding.UTF8.GetBytes("team_id=T0LOAD&text=find%20Pe%C3%B1a");
        const string timestamp = "1763980000";

        var signature = SlackRequests.Sign("load-secret", timestamp, body);

        Assert.Equal(SlackSignature.Sign("load-secret", timestamp, body), signature);
        Assert.True(SlackSignature.Verify("load-secret", timestamp, signature, body,
            DateTimeOffset.FromUnixTimeSeconds(1763980000), TimeSpan.FromMinutes(5)).Valid);
    }

    [Fact]
    public async Task LoopbackFakes_ChannelToken_IsAcceptedByTheBotsAuthenticator_ForItsServiceUrlOnly()
    {
        const string appId = "5b0c3a2e-9d7f-4e61-8a3b-1c2d3e4f5a6b";
        var keyFile = new FileInfo(Path.Combine(Path.GetTempPath(), $"chatcrm-load-test-{Guid.NewGuid():N}.pem"));
        await using var fakes = await LoopbackFakes.StartAsync(FreePort(), appId, keyFile);
        try
        {
            using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
            var authenticator = new InboundAuthenticator(
                Options.Create(new BotCredentials { MicrosoftAppType = BotAppType.UserAssignedMsi, MicrosoftAppId = appId, MicrosoftAppTenantId = "t" }),
                Options.Create(new TeamsOptions { OpenIdMetadataUrl = fakes.OpenIdMetadataUrl }),
                new Environment(), services.GetRequiredService<IHttpClientFactory>());
            var token = fakes.Issuer.ChannelToken(appId, fakes.ServiceUrl, TimeSpan.FromMinutes(10));
            var wrongAudience = fakes.Issuer.ChannelToken("someone-else", fakes.ServiceUrl, TimeSpan.FromMinutes(10));

            var verdict = await authenticator.AuthenticateAsync("Bearer " + token, CancellationToken.None);
            var refused = await authenticator.AuthenticateAsync("Bearer " + wrongAudience, CancellationToken.None);

            Assert.True(verdict.Allowed, verdict.Reason);
            Assert.True(verdict.Covers(fakes.ServiceUrl.AbsoluteUri, "msteams"));
            Assert.False(verdict.Covers("http://127.0.0.1:1/other/", "msteams"));
            Assert.False(refused.Allowed);
        }
        finally
        {
            keyFile.Delete();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "ChatCrm.Bot";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
