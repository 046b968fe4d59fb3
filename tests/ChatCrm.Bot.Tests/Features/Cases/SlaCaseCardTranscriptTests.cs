using System.Globalization;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>
/// The case card on a configured business calendar (Madrid, Mon-Fri 09:00-17:00): both due times in the reader's zone,
/// and the pause while the case waits on the customer; a calendar that cannot be read stops start-up, naming it.
/// The fake clock stands at this week's Monday, 09:00 in Madrid, when the Gold × Normal case opens.
/// </summary>
public sealed class SlaCaseCardTranscriptTests : BotTestBase
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly DateOnly Monday = MondayOfThisWeek();

    private readonly FakeTimeProvider _clock = new(Local(Monday, 9));

    private string _number = string.Empty;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Sla:Calendars:Default:TimeZone"] = "Europe/Madrid",
        ["Sla:Calendars:Default:Days"] = "Mon-Fri",
        ["Sla:Calendars:Default:Hours"] = "09:00-17:00",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Ventas España");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: ana);
        var supportCase = SupportCase.Open(maria.Id, "Printer offline", null, CasePriority.Normal, ValueTier.Gold, ana.Id, "Ventas España",
            Local(Monday, 9), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        _number = supportCase.Number;
    }

    [Fact]
    public async Task CaseCard_OnOfficeHours_ShowsBothDueTimesAndThePause()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        _clock.SetUtcNow(Local(Monday, 10));

        (await chat.SendAsync($"case {_number}")).ShouldSay(
            $"First response due: {Day(Monday)} 13:00 Europe/Madrid", // 4 business hours
            $"Resolution due: {Day(Monday.AddDays(4))} 13:00 Europe/Madrid"); // 36 business hours: four days and four hours
        (await chat.PressAsync("Wait on customer")).ShouldSay("First response due: met", "(paused: waiting on the customer)");
    }

    [Fact]
    public void WrongCalendar_StopsStartUpNamingTheSettings()
    {
        using var app = new ChatCrmApp(Database, new Dictionary<string, string?>
        {
            ["Sla:Calendars:Soporte:TimeZone"] = "Madrid/Spain",
            ["Sla:Calendars:Soporte:Days"] = "Mon-Fri",
            ["Sla:Calendars:Soporte:Hours"] = "9 to 5",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Sla:Calendars:Soporte:TimeZone must be an IANA time zone", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Sla:Calendars:Soporte:Hours has \"9 to 5\"", failure.ToString(), StringComparison.Ordinal);
    }

    private static DateOnly MondayOfThisWeek()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    private static DateTimeOffset Local(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Madrid.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
