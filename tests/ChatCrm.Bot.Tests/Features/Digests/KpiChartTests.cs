using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// Charts on the "kpis" and digest cards in Teams, with an https public address: three pictures with alt text giving
/// their figures (accepted by the official Adaptive Cards parser), served as PNGs at signed addresses that refuse an
/// altered token (404), an expired one (410, on a fake clock) and a manager who is no longer one (404).
/// </summary>
public sealed class KpiChartTests : BotTestBase
{
    private const string BaseUrl = "https://chatcrm.example";
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private User _carmen = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = BaseUrl };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
        await db.AddBookAsync(ana);
    }

    [Fact]
    public async Task Kpis_HttpsAddress_CarriesThreeChartsWithTheirFiguresAsAltText()
    {
        var card = (await App.Chat(Connector, Carmen).SendAsync("kpis")).Messages.Single().Card!;

        var images = Images(card);
        Assert.Equal(3, images.Count);
        Assert.All(images, i => Assert.Matches("^https://chatcrm\\.example/charts/[A-Za-z0-9_-]+\\.png$", (string?)i["url"]));
        Assert.All(images, i => Assert.DoesNotContain(_carmen.Id.Value.ToString("N"), (string?)i["url"], StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("Chart: Interactions per week, last 8 weeks.", (string?)images[0]["altText"], StringComparison.Ordinal);
        Assert.EndsWith(" 3.", (string?)images[0]["altText"], StringComparison.Ordinal);
        Assert.Equal("Chart: Interactions by rep. Ana García 3.", (string?)images[1]["altText"]);
        Assert.Equal("Chart: Interactions by channel. Phone 2, E-mail 1.", (string?)images[2]["altText"]);
        Assert.Contains("Chart: Interactions by rep. Ana García 3.", (string?)card["fallbackText"], StringComparison.Ordinal);

        var verdict = await OfficialCardValidator.ValidateAsync([("kpis with charts", card)]);
        Assert.Empty(verdict["kpis with charts"]);
    }

    [Fact]
    public async Task Chart_SignedAddress_ServesEachChartAsAPng()
    {
        var card = (await App.Chat(Connector, Carmen).SendAsync("kpis")).Messages.Single().Card!;
        using var http = App.CreateClient();

        var pictures = new List<byte[]>();
        foreach (var image in Images(card))
        {
            using var response = await http.GetAsync(new Uri((string)image["url"]!).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((true, TimeSpan.FromHours(1), false), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.MaxAge, response.Headers.CacheControl.Public));
            var png = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal<(int, int)?>((600, 300), PngHeader.Read(png));
            pictures.Add(png);
        }
        Assert.Equal(3, pictures.Distinct(new BytesComparer()).Count());
    }

    [Fact]
    public async Task Chart_AlteredOrUnknownToken_Is404WithoutAPicture()
    {
        var card = (await App.Chat(Connector, Carmen).SendAsync("kpis")).Messages.Single().Card!;
        var path = new Uri((string)Images(card)[0]["url"]!).AbsolutePath;
        var token = path["/charts/".Length..^".png".Length];
        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        using var http = App.CreateClient();

        foreach (var wrong in new[] { $"/charts/{altered}.png", "/charts/not-a-token.png", $"/charts/{token}x.png", $"/charts/{new string('A', 2000)}.png" })
        {
            using var response = await http.GetAsync(wrong);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Chart_AfterItsLifetime_Is410ButWorksTheDayBefore()
    {
        var card = (await App.Chat(Connector, Carmen).SendAsync("kpis")).Messages.Single().Card!;
        var path = new Uri((string)Images(card)[1]["url"]!).PathAndQuery;
        using var http = App.CreateClient();

        _clock.Advance(TimeSpan.FromDays(6));
        using (var stillGood = await http.GetAsync(path))
            Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);
        _clock.Advance(TimeSpan.FromDays(1));
        using var expired = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_ManagerNoLongerAManager_Is404()
    {
        var card = (await App.Chat(Connector, Carmen).SendAsync("kpis")).Messages.Single().Card!;
        var path = new Uri((string)Images(card)[1]["url"]!).PathAndQuery;
        await App.WithDatabaseAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == _carmen.Id)).ChangeRole(UserRole.SalesRep);
            await db.SaveChangesAsync();
        });
        using var http = App.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dispatch_Digest_CarriesTheChartsInTheManagersLanguage()
    {
        await App.Chat(Connector, Carmen, locale: "es-ES").SendAsync("resumen");
        await App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            var madridNow = TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), carmen.ResolveTimeZone());
            var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, TimeOnly.FromDateTime(madridNow.DateTime).AddMinutes(-5), DigestChannel.Teams);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen, request, _clock.GetUtcNow().AddDays(-2)));
            await db.SaveChangesAsync();
        });
        var before = Connector.Activities.Count;

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);

        var digest = Assert.Single(Connector.Activities.Skip(before), a => a.Card is not null);
        var altTexts = Images(digest.Card!).Select(i => (string?)i["altText"]).ToList();
        Assert.Equal(3, altTexts.Count);
        Assert.StartsWith("Gráfico: Interacciones por semana, últimas 8 semanas.", altTexts[0], StringComparison.Ordinal);
        // The digest covers the day before it was due: the figures are the team's of that day.
        Assert.Matches("^Gráfico: Interacciones por comercial\\. Ana García [1-3]\\.$", altTexts[1]);
        Assert.Matches("^Gráfico: Interacciones por canal\\. Teléfono [1-2](, Correo 1)?\\.$", altTexts[2]);
    }

    private static List<JsonObject> Images(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "Image").ToList();

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
