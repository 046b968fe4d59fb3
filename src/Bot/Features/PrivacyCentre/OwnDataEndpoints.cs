using ChatCrm.Bot.Cards;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The signed-in customer's page, its JSON download and its printable version. Without a session: back to sign-in.</summary>
public static class OwnDataEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapOwnData(this RouteGroupBuilder group)
    {
        group.MapGet("/me", ShowAsync);
        group.MapGet("/me/data.json", DownloadAsync);
        group.MapGet("/me/print", PrintableAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, PrivacyCentreSession session, OwnDataReader reader, CrmDbContext db,
        ConsentSubjectReader consents, TimeProvider time)
    {
        if (await session.CustomerAsync(http) is not { } id || await reader.ReadAsync(id, http.RequestAborted) is not { } data)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        var language = PageLanguage.Of(http, LanguageCode.Parse(data.Identity.Language));
        var page = new HtmlPage(language, language.Pick($"Your data, {data.Identity.Name}", $"Tus datos, {data.Identity.Name}"), PrivacyCentreRoutes.Mine);
        if (Notice(http.Request.Query["done"], page) is { } notice)
            page.Paragraph(notice, "notice");
        var token = RequireAntiforgery.TokenFor(http);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == id, http.RequestAborted);
        var subject = await consents.ReadAsync(customer, time.GetUtcNow(), http.RequestAborted);

        OwnDataSections.Identity(page, data);
        OwnChoicesSections.Consents(page, ConsentSummary.Of(subject), token);
        OwnDataSections.ConsentHistory(page, data.Consents);
        OwnDataSections.History(page, data);
        OwnChoicesSections.Download(page);
        OwnChoicesSections.Correction(page, token);
        OwnChoicesSections.Erasure(page, data.Erasure, token);
        return page.Result(signOutForm: OwnChoicesSections.SignOutForm(page, token));
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, PrivacyCentreSession session, OwnDataReader reader, CrmDbContext db, TimeProvider time)
    {
        if (await session.CustomerAsync(http) is not { } id || await reader.ReadAsync(id, http.RequestAborted) is not { } data)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        await AuditDownloadAsync(db, id, time, http.RequestAborted);
        var document = new { format = "chatcrm-own-data/1", generatedAt = time.GetUtcNow(), data };
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(document, Json), "application/json", "my-data.json");
    }

    private static async Task<IResult> PrintableAsync(HttpContext http, PrivacyCentreSession session, OwnDataReader reader, CrmDbContext db, TimeProvider time)
    {
        if (await session.CustomerAsync(http) is not { } id || await reader.ReadAsync(id, http.RequestAborted) is not { } data)
            return Results.Redirect(PrivacyCentreRoutes.Root);
        await AuditDownloadAsync(db, id, time, http.RequestAborted);
        var language = PageLanguage.Of(http, LanguageCode.Parse(data.Identity.Language));
        var page = new HtmlPage(language, language.Pick($"The data we hold about {data.Identity.Name}", $"Los datos que guardamos sobre {data.Identity.Name}"), PrivacyCentreRoutes.Printable);
        page.Paragraph(page.T($"As of {OwnDataSections.Day(time.GetUtcNow(), page)}. Print it with your browser's Print command.",
            $"A fecha de {OwnDataSections.Day(time.GetUtcNow(), page)}. Imprímela con la orden Imprimir de tu navegador."), "hint");
        OwnDataSections.Identity(page, data);
        page.Heading(page.T("Your consent", "Tu consentimiento"));
        OwnDataSections.ConsentHistory(page, data.Consents);
        OwnDataSections.History(page, data);
        page.Markup($"<p><a href=\"{PrivacyCentreRoutes.Mine}\">{HtmlPage.E(page.T("Back to your privacy centre", "Volver a tu centro de privacidad"))}</a></p>");
        return page.Result();
    }

    private static async Task AuditDownloadAsync(CrmDbContext db, CustomerId id, TimeProvider time, CancellationToken ct)
    {
        db.AuditEntries.Add(AuditEntry.ByCustomer(AuditAction.DownloadedOwnData, id, time.GetUtcNow(), CustomerField.All));
        await db.SaveChangesAsync(ct);
    }

    private static string? Notice(string? done, HtmlPage page) => done switch
    {
        "consent" => page.T("Your consent was changed. It counts from now on.", "Tu consentimiento ha cambiado. Cuenta desde ahora."),
        "erasure" => page.T("Your erasure request was received.", "Hemos recibido tu petición de supresión."),
        _ => null,
    };
}
