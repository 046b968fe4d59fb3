using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Features.Admin;
using ChatCrm.Bot.Features.Directory;
using ChatCrm.Infrastructure.UserDirectory;
using ChatCrm.Bot.Features.Help;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Consents;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>The admin cards for <see cref="CardCatalogue"/>: the status card at its fullest and emptiest, help, move, consent.</summary>
public static class AdminCardCatalogue
{
    public static IEnumerable<(string Name, Card Card)> All(LanguageCode language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        yield return ("admin status, full", AdminCards.Status(FullStatus(), zone, language));
        yield return ("admin status, nothing set", AdminCards.Status(new AdminStatus(
            [TeamsSetupReport.Describe(new BotCredentials { MicrosoftAppType = BotAppType.MultiTenant }), SlackSetupReport.Describe(new SlackOptions(), 0, 0)],
            new DatabaseStatus("Sqlite", null, 40), new SchedulerView(false, false, false, []), [], null, "1.0.0",
            new KeyRingView(false, "NOT encrypted (set DataProtection:Certificate)")), zone, language));
        yield return ("admin help", AdminCards.Help(language, new string('x', 300)));
        yield return ("help for an admin", HelpCards.Help(role: UserRole.Admin, language: language));
        var holder = new User(UserId.New(), new string('A', User.MaxNameLength), UserRole.SalesRep, "Iberia", "UTC", "en-US");
        var target = new User(UserId.New(), new string('B', User.MaxNameLength), UserRole.SalesRep, "Iberia", "UTC", "en-US");
        yield return ("admin move link", AdminCards.MoveLink(new ChatHandle(ChatChannel.Teams, "29:" + new string('x', 150), "29:" + new string('x', 150)),
            holder, target, UserRole.Manager, language));
        var table = ConsentPolicyFile.LoadShipped();
        yield return ("admin consent, one country", AdminConsentCards.Policy(table.For(CountryCode.Parse("MX")), language));
        yield return ("admin consent, unlisted country", AdminConsentCards.Policy(table.For(CountryCode.Parse("KP")), language));
        yield return ("admin consent, countries", AdminConsentCards.Countries(table, language));
        foreach (var card in DirectoryCards(language, holder, target))
            yield return card;
    }

    /// <summary>The directory's cards and forms at their fullest: the longest names, every error shown.</summary>
    private static IEnumerable<(string Name, Card Card)> DirectoryCards(LanguageCode language, User holder, User target)
    {
        var entries = Enumerable.Range(0, UserCards.MaxListed + 3).Select(i => new DirectoryEntry(UserId.New(), new string('N', User.MaxNameLength),
            new string('e', 60) + "@example.com", UserRole.PrivacyOfficer, new string('T', 100), null, "America/Argentina/Buenos_Aires", "es-AR", i % 2 == 0, true, true)).ToList();
        yield return ("admin users", UserCards.List(entries, new string('T', 100), language));
        yield return ("admin users, empty", UserCards.List([], null, language));
        holder.UseEmail(new string('e', 200) + "@example.com");
        yield return ("admin user card", UserCards.Detail(holder, new string('m', 200) + "@example.com", language, UserCards.Changed.In(language)));
        yield return ("admin user choice", UserCards.Choose([holder, target], new string('x', 60), language));
        var errors = UserForms.ProfileFields.ToDictionary(f => f, f => new string('!', 300), StringComparer.Ordinal);
        var values = new UserFormValues(new string('N', User.MaxNameLength), new string('e', 240) + "@x.es", "Admin", new string('T', 100), "m@x.es", "Europe/Madrid", "es-AR");
        yield return ("admin user add, with errors", UserFormCards.Profile(values, null, language, errors));
        yield return ("admin user edit", UserFormCards.Profile(UserFormValues.Of(holder, null), (holder, 12), language));
        yield return ("admin user deactivate", UserFormCards.Deactivate(holder, 3, 1_234, new string('h', 200), language,
            new Dictionary<string, string>(StringComparer.Ordinal) { [UserFormCards.HandOverTo] = new string('!', 300) }));
    }

    private static AdminStatus FullStatus()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var digests = Enumerable.Range(0, AdminStatusReader.DigestsShown).Select(i =>
        {
            var manager = new User(UserId.New(), new string('M', User.MaxNameLength - 2) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                UserRole.Manager, "Dirección", "America/Argentina/Buenos_Aires", "es-AR");
            var subscription = DigestSubscription.Choose(manager,
                new DigestRequest(DigestCommandKind.Set, DigestFrequency.Weekly, DayOfWeek.Wednesday, new TimeOnly(23, 59), DigestChannel.Slack), now);
            return new DigestDue(manager.DisplayName, subscription, subscription.Schedule.NextAfter(now).DueAt, manager.TimeZone);
        }).ToList();
        return new AdminStatus(
            [
                TeamsSetupReport.Describe(new BotCredentials
                {
                    MicrosoftAppType = BotAppType.UserAssignedMsi, MicrosoftAppId = "app", MicrosoftAppPassword = "secret", MicrosoftAppTenantId = "tenant",
                }),
                SlackSetupReport.Describe(new SlackOptions { Enabled = true, SigningSecret = "s", BotToken = "xoxb", ClientId = "c", ClientSecret = "cs", OAuthRedirectUrl = new Uri("https://crm.example.com/slack/oauth") }, 12_345, 12_000),
            ],
            new DatabaseStatus("SqlServer", "20261124110114_AuditDetails", 0),
            new SchedulerView(true, true, true, [new("digests", now.AddMinutes(5)), new("offer-retraining", now.AddDays(6)), new("tier-recalculation", null)]),
            digests,
            new OfferModelStatus(now.AddDays(-3), 1_234_567, 0.8123),
            "1.0.0+abcdef01",
            new KeyRingView(true, $"encrypted with certificate CN={new string('k', 200)} (thumbprint {new string('F', 40)}, expires 2030-01-01); 3 earlier certificate(s) still decrypt"));
    }
}
