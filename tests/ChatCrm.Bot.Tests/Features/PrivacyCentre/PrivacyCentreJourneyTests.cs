using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>The customer's way through their privacy centre, in English and Spanish, and the rep's "send privacy link".</summary>
public sealed class PrivacyCentreJourneyTests : PrivacyCentreTestBase
{
    [Fact]
    public async Task MagicLink_WithdrawMarketingEmail_OffersInChatNoLongerProposeIt()
    {
        (await TomChat().SendAsync($"offers {JenniferEmail}")).ShouldSay("Analytics Suite", "no objection to marketing by e-mail on record");

        var browser = await SignInAsync(JenniferEmail);
        var mine = await browser.GetAsync("/privacy-centre/me");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        mine.ShouldShow("Your data, Jennifer Walsh", "Walsh Hardware Inc.", JenniferEmail, "HW-DRILL-PRO", "Tom Baker", "Withdraw: marketing by e-mail", "To get everything, including those, ask our privacy officer");

        var changed = await browser.PostAsync("/privacy-centre/me/consent", ("purpose", "Marketing"), ("channel", "Email"), ("granted", "false"));
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        (await browser.GetAsync("/privacy-centre/me?done=consent")).ShouldShow("Your consent was changed", "Allow: marketing by e-mail", "customer, privacy centre");

        (await TomChat().SendAsync($"offers {JenniferEmail}")).ShouldSay("Held back", "withdrew consent to marketing by e-mail");
        var stored = await App.WithDatabaseAsync(db => db.ConsentRecords.SingleAsync(r => r.CustomerId == Jennifer));
        Assert.Equal((ConsentPurpose.Marketing, ContactChannel.Email, false, "customer, privacy centre"), (stored.Purpose, stored.Channel, stored.Granted, stored.Source));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.OpenedPrivacyCentre && a.CustomerId == Jennifer)));
    }

    [Fact]
    public async Task Spanish_EmailPageAndCentre_AreInSpanishAndSwitchToEnglish()
    {
        var browser = Browser();
        var start = await browser.GetAsync("/privacy-centre?lang=es");
        start.ShouldShow("Tu centro de privacidad", "Tu correo electrónico", "English");
        Assert.Contains("<html lang=\"es\">", start.Html, StringComparison.Ordinal);
        (await browser.PostAsync("/privacy-centre/link", ("email", BegonaEmail))).ShouldShow("Revisa tu correo");

        var message = await Inbox.NextAsync();
        Assert.Equal("Tu enlace al centro de privacidad", message.Subject);
        await browser.GetAsync(LinkPath(message));
        await browser.PostAsync("/privacy-centre/open", ("token", TokenOf(LinkPath(message))));
        (await browser.GetAsync("/privacy-centre/me")).ShouldShow("Tus datos, Begoña Ibáñez", "Tu consentimiento", "Retirar: comunicaciones comerciales por correo electrónico", "Cerrar sesión");

        var english = await browser.GetAsync("/privacy-centre/me?lang=en");
        english.ShouldShow("Your data, Begoña Ibáñez", "Sign out");
        Assert.Contains("<html lang=\"en\">", english.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_JsonAndPrintable_HoldTheCustomersOwnDataAndNoInternalNotes()
    {
        var browser = await SignInAsync(BegonaEmail);

        var download = await browser.Http.GetAsync(new Uri("/privacy-centre/me/data.json", UriKind.Relative));
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        Assert.Equal("Begoña Ibáñez", (string?)json["data"]!["identity"]!["name"]);
        Assert.Equal(BegonaEmail, (string?)json["data"]!["handles"]![0]!["value"]);
        Assert.Null(json["data"]!["accessLog"]);
        Assert.Null(json["data"]!["value"]);

        (await browser.GetAsync("/privacy-centre/me/print")).ShouldShow("The data we hold about Begoña Ibáñez", "Everything you told us about consent");
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DownloadedOwnData && a.CustomerId == Begona)));
    }

    [Fact]
    public async Task CorrectionAndErasure_BecomeAFollowUpForTheOwnerAndARequestWithItsStatus()
    {
        var browser = await SignInAsync(JenniferEmail);
        await browser.GetAsync("/privacy-centre/me");

        var correction = await browser.PostAsync("/privacy-centre/me/correction", ("text", "My company is now Walsh Tools LLC."));
        correction.ShouldShow("Your correction was sent", "Tom Baker will answer you by");
        var task = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync(i => i.CustomerId == Jennifer));
        Assert.Contains("Walsh Tools LLC", task.Summary, StringComparison.Ordinal);
        Assert.NotNull(task.FollowUpOn);

        await browser.GetAsync("/privacy-centre/me");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/privacy-centre/me/erasure")).Status);
        (await browser.GetAsync("/privacy-centre/me?done=erasure")).ShouldShow("Your erasure request was received", "is waiting for our privacy officer");
        var request = await App.WithDatabaseAsync(db => db.ErasureRequests.SingleAsync(r => r.CustomerId == Jennifer));
        Assert.Equal(ErasureRequestStatus.Pending, request.Status);
    }

    [Fact]
    public async Task Chat_SendPrivacyLink_EmailsALinkThatOpensTheCentreAndIsAudited()
    {
        (await TomChat().SendAsync($"send privacy link {JenniferEmail}")).ShouldSay("Sent Jennifer Walsh a link to their privacy centre", "service message");

        var message = await Inbox.NextAsync();
        Assert.Equal(JenniferEmail, message.To.Mailboxes.Single().Address);
        var browser = Browser();
        await browser.GetAsync(LinkPath(message));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/privacy-centre/open", ("token", TokenOf(LinkPath(message))))).Status);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SentPrivacyLink && a.CustomerId == Jennifer)));
    }

    [Fact]
    public async Task Chat_SpanishWords_SendTheLinkInTheCustomersLanguage()
    {
        (await App.Chat(Connector, Tom, locale: "es-ES").SendAsync($"enviar enlace de privacidad {BegonaEmail}")).ShouldSay("Enviado a Begoña Ibáñez un enlace");

        Assert.Equal("Tu enlace al centro de privacidad", (await Inbox.NextAsync()).Subject);
    }

    [Fact]
    public async Task Chat_RepOfAnotherTeam_IsRefusedAndNoLinkIsIssued()
    {
        (await App.Chat(Connector, Pedro, locale: "es-ES").SendAsync($"enviar enlace de privacidad {BegonaEmail}")).ShouldSay("No puedo");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.PrivacyLinks.CountAsync()));
        Assert.True(await App.WithDatabaseAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.CustomerId == Begona)));
    }
}
