using System.Net.Http.Json;
using ChatCrm.Bot.Logging;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// Values from a request that reach the logs (an activity's type, an invoke's name, a conversation id in the turn's
/// scope) cannot forge a log line or send a terminal escape: what the logs hold is escaped, through the real host.
/// </summary>
public sealed class LogForgingTests : BotTestBase
{
    private const string Forged = "x\r\n2026-01-01 [Critical] admin granted\u001b[2J\u2028";

    private readonly CapturedLogs _logs = new();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    protected override async Task ArrangeAsync(CrmDbContext db) => await db.AddRepAsync(CrmData.Ana);

    [Fact]
    public async Task Post_ForgedActivityTypeAndInvokeName_AreLoggedEscaped()
    {
        using var client = App.CreateClient();
        var ignored = TeamsActivities.Base("message" + Forged, Connector.ServiceUrl, "a:1", CrmData.Ana);
        var invoke = TeamsActivities.Base("invoke", Connector.ServiceUrl, "a:1", CrmData.Ana);
        invoke["name"] = "task/fetch" + Forged;

        using var first = await client.PostAsJsonAsync("/api/messages", ignored);
        using var second = await client.PostAsJsonAsync("/api/messages", invoke);

        AssertNothingRaw();
        Assert.Contains(_logs.Written, line => line.Contains("message" + LoggedText.Escape(Forged), StringComparison.Ordinal));
        Assert.Contains(_logs.Written, line => line.Contains("task/fetch" + LoggedText.Escape(Forged), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ForgedConversationId_IsEscapedInTheTurnsScope()
    {
        var chat = App.Chat(Connector, CrmData.Ana, conversationId: "a:1" + Forged);

        await chat.SendAsync("help");

        AssertNothingRaw();
        Assert.Contains(_logs.Written, line => line == "a:1" + LoggedText.Escape(Forged));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("\u001b[31mred", @"\u001b[31mred")]
    [InlineData("back\\slash\t", @"back\\slash\t")]
    [InlineData("line\u2028sep\u202eevil", @"line\u2028sep\u202eevil")]
    [InlineData(null, "")]
    public void Escape_ControlCharacters_AreWrittenAsEscapes(string? value, string expected) =>
        Assert.Equal(expected, LoggedText.Escape(value));

    [Fact]
    public void Escape_LongValue_IsCut() =>
        Assert.Equal(new string('x', LoggedText.MaxLength) + "…", LoggedText.Escape(new string('x', 5000)));

    private void AssertNothingRaw()
    {
        Assert.NotEmpty(_logs.Written);
        Assert.DoesNotContain(_logs.Written, line => line.Contains("[Critical] admin granted", StringComparison.Ordinal)
            && line.IndexOfAny(['\r', '\n', '\u001b', '\u2028']) >= 0);
    }
}
