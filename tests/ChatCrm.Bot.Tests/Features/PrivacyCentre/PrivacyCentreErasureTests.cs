using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>A customer's erasure request from the privacy centre, carried out by a privacy officer in chat.</summary>
public sealed class PrivacyCentreErasureTests : PrivacyCentreTestBase
{
    private static readonly TeamsUser Officer = new("29:olga-chat-id", "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "Olga Privacy");

    [Fact]
    public async Task Erasures_OfficerErasesTheRequester_RequestIsDoneAndTheCentreNoLongerOpens()
    {
        await App.WithDatabaseAsync(db => db.AddUserAsync(Officer, UserRole.PrivacyOfficer, "Protección de Datos"));
        var browser = await SignInAsync(JenniferEmail);
        await browser.GetAsync("/privacy-centre/me");
        await browser.PostAsync("/privacy-centre/me/erasure");

        var officer = App.Chat(Connector, Officer, locale: "en-GB");
        (await officer.SendAsync("erasures")).ShouldSay("Erasure requests waiting", "Jennifer Walsh", "due");
        (await officer.PressAsync("Erase Jennifer Walsh")).ShouldSay("Erase a customer's personal data?", "Jennifer Walsh");
        (await officer.PressAsync("Erase for good")).ShouldSay("Jennifer Walsh has been erased");

        var request = await App.WithDatabaseAsync(db => db.ErasureRequests.SingleAsync());
        Assert.Equal(ErasureRequestStatus.Done, request.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/privacy-centre/me")).Status);
        (await browser.GetAsync("/privacy-centre?lang=en")).ShouldShow("Your data has been erased", "There is nothing left to sign in to.");
        Assert.DoesNotContain("erased", (await Browser().GetAsync("/privacy-centre?lang=en")).Html, StringComparison.Ordinal);
        Assert.False(await App.WithDatabaseAsync(db => db.PrivacySessions.AnyAsync(s => s.CustomerId == Jennifer)));
        Assert.False(await App.WithDatabaseAsync(db => db.PrivacyLinks.AnyAsync(l => l.CustomerId == Jennifer)));
        (await officer.SendAsync("erasures")).ShouldSay("No erasure request is waiting");
    }

    [Fact]
    public async Task AskForErasure_InSpanish_SignedOutPageFollowsTheRequestUntilItIsDone()
    {
        await App.WithDatabaseAsync(db => db.AddUserAsync(Officer, UserRole.PrivacyOfficer, "Protección de Datos"));
        var browser = await SignInAsync(BegonaEmail, lang: "es");
        await browser.GetAsync("/privacy-centre/me");
        await browser.PostAsync("/privacy-centre/me/erasure");
        await browser.GetAsync("/privacy-centre/me");
        await browser.PostAsync("/privacy-centre/sign-out");

        (await browser.GetAsync("/privacy-centre?lang=es")).ShouldShow("está pendiente de nuestro responsable de privacidad");

        var officer = App.Chat(Connector, Officer, locale: "en-GB");
        await officer.SendAsync("erasures");
        await officer.PressAsync("Erase Begoña Ibáñez");
        await officer.PressAsync("Erase for good");
        (await browser.GetAsync("/privacy-centre?lang=es")).ShouldShow("Tus datos se han borrado", "No queda nada a lo que acceder.");
    }

    [Fact]
    public async Task Erasures_Rep_IsRefused()
    {
        (await TomChat().SendAsync("erasures")).ShouldSay("Only a privacy officer can see customers' erasure requests");
    }
}
