using System.Text.Json;
using ChatCrm.Bot.Logging;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// <c>GET /privacy/exports/{token}</c>: downloads the export a privacy officer asked for in chat. The link works once:
/// it is spent before the document is built (so of two downloads at the same moment one gets the file), the document
/// is built when downloaded (so it is current), and the download is audited with its time, IP address and user agent,
/// because whoever holds the link may not be the officer who asked for it. A link that is unknown, was altered, was
/// used already, has expired, or belongs to someone no longer a privacy officer gets 404 and nothing.
/// </summary>
public static class ExportEndpoint
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapCustomerExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExportLinks.RoutePrefix + "{token}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(string token, HttpContext http, ExportLinks links, CrmDbContext db, CustomerDataExport export,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await links.SpendAsync(token, cancellationToken) is not { } link)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This export link is not valid",
                detail: "It works once and for a short time: it was used already, has expired or was altered. Ask ChatCrm for a new export in chat.");

        var requester = await db.Users.FirstOrDefaultAsync(u => u.Id == link.RequestedBy, cancellationToken);
        var now = time.GetUtcNow();
        var document = requester is not null && NeedToKnowPolicy.MayExportOrErase(requester)
            ? await export.BuildAsync(link.CustomerId, now, cancellationToken)
            : null;
        if (document is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This export is not available");

        db.AuditEntries.Add(new AuditEntry(requester!.Id, AuditAction.ExportDownloaded, link.CustomerId, "Web", now, CustomerField.All,
            DownloadedBy(http)));
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Indented);
        return Results.File(bytes, "application/json", $"customer-{link.CustomerId}.json");
    }

    /// <summary>
    /// Who opened the link, as far as the request tells: its IP address and user agent (escaped and cut, as they come
    /// from outside). The entry's actor is the officer who asked for the link; these say who actually downloaded.
    /// </summary>
    private static string DownloadedBy(HttpContext http) =>
        $"Opened from IP {LoggedText.Escape(http.Connection.RemoteIpAddress?.ToString() ?? "unknown")}; " +
        $"user agent \"{LoggedText.Escape(http.Request.Headers.UserAgent.ToString())}\"";
}
