using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Satisfaction;

/// <summary>
/// A case resolved in Teams asks the customer once by e-mail how satisfied they are; the answer joins the case history,
/// the assignee is told, and a 1 or 2 alerts the manager at once. The link takes one answer and expires; a customer who
/// withdrew service e-mail gets nothing, and the history says why.
/// </summary>
public sealed partial class SatisfactionJourneyTests : SatisfactionTestBase
{
    [Fact]
    public async Task ResolvedInTeams_LowScoreOnThePage_JoinsTheHistoryTellsTheAssigneeAndAlertsTheManager()
    {
        var ana = AnaChat();
        var marta = MartaChat();
        await ana.SendAsync("help"); // both personal chats with the bot are known from now on
        await marta.SendAsync("ayuda");

        await ResolveAsync(ana);
        var mail = await Inbox.NextAsync();
        Assert.Equal(MariaEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal($"¿Qué tal lo hicimos? Tu caso {Number}", mail.Subject);
        var path = LinkPath(mail);

        var browser = new PrivacyCentreBrowser(App);
        var page = await browser.GetAsync(path);
        page.ShouldShow("¿Qué tal lo hicimos?", Number, "Router keeps dropping", "Satisfacción del cliente");
        Assert.Contains("<input type=\"radio\" name=\"score\" value=\"5\" required>", page.Html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        (await browser.GetAsync($"{path}?lang=en")).ShouldShow("How did we do?", "from 1 (not at all satisfied) to 5 (very satisfied)");

        var answered = await browser.PostAsync("/satisfaction/answer", ("token", TokenOf(path)), ("score", "2"), ("comment", "Took three days *sigh*"));
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        answered.ShouldShow("Thank you for telling us", "manager has been told");
        // The answer pushes a notice into Ana's chat; a reply of hers written while it is still being sent would wait
        // behind it (one chat, one order) and go after her turn's request instead of within it.
        await Eventually.WaitUntilAsync(() => Task.FromResult(PushedTo(ana, $"rated case {Number} 2/5").Count > 0), "the assignee's notice");
        await Eventually.WaitUntilAsync(() => App.WithDatabaseAsync(db => db.OutboxMessages.AllAsync(m => m.Status != OutboxStatus.Pending)), "the pushed cards to be marked sent");

        (await ana.SendAsync($"case {Number}")).ShouldSay("customer satisfaction: 2/5", "Took three days *sigh*");
        Assert.Contains(@"Took three days \\*sigh\\*", ana.LastCard!.Card!.ToJsonString(), StringComparison.Ordinal); // escaped as Markdown on the card

        await Eventually.WaitUntilAsync(() => Task.FromResult(PushedTo(ana, $"rated case {Number} 2/5").Count > 0), "the assignee's notice");
        await Eventually.WaitUntilAsync(() => Task.FromResult(PushedTo(marta, $"Satisfacción baja: María Núñez puntuó el caso {Number} con 2/5").Count > 0), "the manager's alert");
        Assert.Contains("Ana García", Assert.Single(PushedTo(marta, "Satisfacción baja")).Text, StringComparison.Ordinal);

        var survey = await App.WithDatabaseAsync(db => db.SatisfactionSurveys.AsNoTracking().SingleAsync());
        Assert.Equal((SurveyStatus.Answered, 2, "Took three days *sigh*"), (survey.Status, survey.Score, survey.Comment));
        await Eventually.WaitUntilAsync(() => App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ShownSatisfactionAnswer)).ContinueWith(t => t.Result == 2),
            "both showings audited");
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.CustomerId == Maria.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.SentSatisfactionSurvey, audited);
        Assert.Contains(AuditAction.AnsweredSatisfactionSurvey, audited);
    }

    [Fact]
    public async Task LinkUsedTwice_SecondAnswerIsRefusedPolitelyAndChangesNothing()
    {
        await ResolveAsync(AnaChat());
        var path = LinkPath(await Inbox.NextAsync());
        var browser = new PrivacyCentreBrowser(App);
        var question = await browser.GetAsync($"{path}?lang=en");
        var formToken = WebUtility.HtmlDecode(AntiforgeryField().Match(question.Html).Groups[1].Value);
        (await browser.PostAsync("/satisfaction/answer", ("token", TokenOf(path)), ("score", "5"))).ShouldShow("Thank you for your answer");

        (await browser.GetAsync(path)).ShouldShow("You have already answered");
        // The same form sent again (the back button, a second click): refused.
        var again = await browser.PostAsync("/satisfaction/answer", false, ("__antiforgery", formToken), ("token", TokenOf(path)), ("score", "1"),
            ("comment", "Changed my mind"));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        again.ShouldShow("You have already answered", "Each survey takes one answer");

        var survey = await App.WithDatabaseAsync(db => db.SatisfactionSurveys.AsNoTracking().SingleAsync());
        Assert.Equal((5, (string?)null), (survey.Score, survey.Comment));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.CaseHistory.CountAsync(h => h.Change == Domain.Cases.CaseChange.SatisfactionRated)));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync(i => i.Kind == "manager")));
    }

    [Fact]
    public async Task BadScoreThenExpiredLink_ClearAnswersNever500()
    {
        await ResolveAsync(AnaChat());
        var path = LinkPath(await Inbox.NextAsync());
        var browser = new PrivacyCentreBrowser(App);
        await browser.GetAsync($"{path}?lang=en");

        var bad = await browser.PostAsync("/satisfaction/answer", ("token", TokenOf(path)), ("score", "7"), ("comment", "Kept as typed"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        bad.ShouldShow("Please choose a score from 1 to 5.", "Kept as typed");

        Clock.Advance(TimeSpan.FromDays(15));
        var expired = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, expired.Status);
        expired.ShouldShow("This link does not work");
        Assert.Equal(SurveyStatus.Sent, (await App.WithDatabaseAsync(db => db.SatisfactionSurveys.AsNoTracking().SingleAsync())).Status);

        var plain = await App.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("HTTPS", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceEmailWithdrawn_NoMailAndTheHistorySaysWhy()
    {
        await App.WithDatabaseAsync(async db =>
        {
            db.ConsentRecords.Add(ConsentRecord.Withdraw(Maria.Id, ConsentPurpose.Service, ContactChannel.Email, "phone call", Clock.GetUtcNow().AddDays(-1)));
            await db.SaveChangesAsync();
            return true;
        });
        var ana = AnaChat();
        await ResolveAsync(ana);

        await Eventually.WaitUntilAsync(() => App.WithDatabaseAsync(db => db.SatisfactionSurveys.AnyAsync(s => s.Status == SurveyStatus.NotSent)), "the survey to be skipped");
        Assert.False(Inbox.HasUnread);
        Assert.Equal(SurveyNotSentReason.NoConsent, (await App.WithDatabaseAsync(db => db.SatisfactionSurveys.AsNoTracking().SingleAsync())).NotSentReason);
        (await ana.SendAsync($"case {Number}")).ShouldSay("satisfaction survey not sent: the customer does not accept service messages by e-mail");
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryField();
}
