using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.Options;
using static ChatCrm.Bot.Features.PrivacyCentre.HtmlPage;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>What the signed-in customer asks for: a consent change (at once), a correction (a follow-up for the owner), erasure (a request).</summary>
public static class OwnRequestEndpoints
{
    /// <summary>The source every consent statement made in the privacy centre is recorded with.</summary>
    public const string ConsentSource = "customer, privacy centre";

    public static void MapOwnRequests(this RouteGroupBuilder group)
    {
        group.MapPost("/me/consent", ChangeConsentAsync).AddEndpointFilter<RequireAntiforgery>();
        group.MapPost("/me/correction", AskForCorrectionAsync).AddEndpointFilter<RequireAntiforgery>();
        group.MapPost("/me/erasure", AskForErasureAsync).AddEndpointFilter<RequireAntiforgery>();
    }

    private static async Task<IResult> ChangeConsentAsync(HttpContext http, PrivacyCentreSession session, ConsentRecorder recorder, CrmDbContext db, TimeProvider time)
    {
        if (await session.CustomerAsync(http) is not { } id)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        var form = http.Request.Form;
        var now = time.GetUtcNow();
        var intake = new ConsentIntake(null, null, form["purpose"], form["channel"], form["granted"] == "true", ConsentSource, now) { Customer = id };
        var result = await recorder.StageAsync(intake, http.RequestAborted);
        if (result.IsRejected)
            return Results.BadRequest();
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.RecordedConsent, id, now, Domain.Access.CustomerField.Consents));
        await db.SaveChangesAsync(http.RequestAborted);
        return Results.Redirect($"{PrivacyCentreRoutes.Mine}?done=consent");
    }

    private static async Task<IResult> AskForCorrectionAsync(HttpContext http, PrivacyCentreSession session, CorrectionRequests corrections, IOptions<PrivacyCentreOptions> options)
    {
        if (await session.CustomerAsync(http) is not { } id)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        var language = PageLanguage.Of(http);
        var text = ((string?)http.Request.Form["text"])?.Trim();
        var ticket = string.IsNullOrEmpty(text) ? null : await corrections.FileAsync(id, text, options.Value.CorrectionAnswerDays, http.RequestAborted);
        var page = new HtmlPage(language, ticket is null ? language.Pick("Your correction was not sent", "Tu corrección no se ha enviado") : language.Pick("Your correction was sent", "Tu corrección se ha enviado"), PrivacyCentreRoutes.Mine);
        if (ticket is null)
            page.Paragraph(string.IsNullOrEmpty(text)
                ? page.T("Please say what is wrong and what it should say.", "Dinos qué está mal y qué debería decir.")
                : page.T("Nobody can take it right now; please write to us instead.", "Ahora nadie puede atenderla; escríbenos, por favor."));
        else
            page.Paragraph(page.T($"{ticket.AnsweredBy} will answer you by {Dates.Day(ticket.DueOn)}.", $"{ticket.AnsweredBy} te responderá antes del {Dates.Day(ticket.DueOn)}."), "notice");
        return page.Markup($"<p><a href=\"{PrivacyCentreRoutes.Mine}\">{E(page.T("Back to your privacy centre", "Volver a tu centro de privacidad"))}</a></p>")
            .Result(ticket is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> AskForErasureAsync(HttpContext http, PrivacyCentreSession session, ErasureRequestIntake erasures, ErasureStatusCookie status,
        IOptions<PrivacyCentreOptions> options)
    {
        if (await session.CustomerAsync(http) is not { } id)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        var followed = await erasures.RequestAsync(id, options.Value.ErasureDeadline, http.RequestAborted);
        status.Give(http, followed.StatusToken);
        return Results.Redirect($"{PrivacyCentreRoutes.Mine}?done=erasure");
    }
}
