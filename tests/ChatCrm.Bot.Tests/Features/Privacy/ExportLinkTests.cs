using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Privacy;

/// <summary>Export download links work once, for at most an hour, and each download names its IP address and user agent.</summary>
public sealed class ExportLinkTests : BotTestBase
{
    private static readonly TeamsUser Officer = new("29:officer", "f0000000-0000-4000-8000-00000000000f", "Ana Belén Galíndez");

    private FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStartupFilter, ClientAddress>();
    }

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddUserAsync(Officer, UserRole.PrivacyOfficer, "Protección de Datos");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ExportCard_SaysTheLinkWorksOnceForItsMinutes_AndNotOnlyForYou()
    {
        var turn = (await App.Chat(Connector, Officer).SendAsync("export maria.nunez@acme.es")).ShouldSay("Export for María Núñez");

        Assert.Contains("The link works once, for 15 minutes. Whoever opens it downloads this customer's data", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("only for you", turn.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ExportLink_DownloadedTwice_SecondIsRefused_AndTheFirstIsAuditedWithIpAndUserAgent()
    {
        var link = await AskForLinkAsync();
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64)");

        using var first = await client.GetAsync(link);
        using var second = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.DoesNotContain("María", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var download = Assert.Single(await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ExportDownloaded).ToListAsync()));
        Assert.Equal(Clock.GetUtcNow(), download.At);
        Assert.Equal("Opened from IP 203.0.113.7; user agent \"Mozilla/5.0 (X11; Linux x86_64)\"", download.Details);
    }

    [Fact]
    public async Task ExportLink_TwoDownloadsAtTheSameMoment_GiveExactlyOneFile()
    {
        var link = await AskForLinkAsync();
        using var client = App.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync(link)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Single(await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ExportDownloaded).ToListAsync()));
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task ExportLink_AfterItsLifetime_IsRefused()
    {
        var link = await AskForLinkAsync();
        Clock.Advance(TimeSpan.FromMinutes(15));

        using var response = await App.CreateClient().GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(AuditAction.ExportDownloaded, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ExportLink_ForgedToken_IsRefused()
    {
        await AskForLinkAsync();
        var forged = new Uri($"https://localhost/privacy/exports/{SecretToken.New()}");

        using var response = await App.CreateClient().GetAsync(forged);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(AuditAction.ExportDownloaded, await App.WithDatabaseAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task ExportLinkLifetime_OverOneHour_StopsStartUp()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Privacy:ExportLinkLifetime"] = "01:00:01" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => app.CreateClient().Dispose()));

        Assert.Contains("ExportLinkLifetime", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<Uri> AskForLinkAsync()
    {
        var turn = (await App.Chat(Connector, Officer).SendAsync("export maria.nunez@acme.es")).ShouldSay("Export for María Núñez");
        var card = turn.Messages.Single(m => m.Card is not null);
        return new Uri((string)card.Buttons.Single(b => (string?)b["type"] == "Action.OpenUrl")["url"]!);
    }

    /// <summary>The test server has no client address; this gives every request one from the documentation range.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextStep) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return nextStep(http);
            });
            next(app);
        };
    }
}
