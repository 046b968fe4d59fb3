using System.Text.Json;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// <c>GET /privacy/exports/{token}</c>: downloads the export a privacy officer asked for in chat. The document is
/// built when downloaded (so it is current), the download is audited, and a link that expired, was altered, or
/// belongs to someone no longer a privacy officer gets 404 and nothing.
/// </summary>
public static class ExportEndpoint
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapCustomerExports(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExportLinks.RoutePrefix + "{token}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(string token, HttpContext http, ExportLinks links, CrmDbContext db, CustomerDataExport export,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (token.Length > 2000 || links.Read(token) is not { } ticket)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This export link is not valid",
                detail: "It has expired or was altered. Ask ChatCrm for a new export in chat.");

        var requester = await db.Users.FirstOrDefaultAsync(u => u.Id == ticket.RequestedBy, cancellationToken);
        var now = time.GetUtcNow();
        var document = requester is not null && NeedToKnowPolicy.MayExportOrErase(requester)
            ? await export.BuildAsync(ticket.CustomerId, now, cancellationToken)
            : null;
        if (document is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This export is not available");

        db.AuditEntries.Add(new AuditEntry(requester!.Id, AuditAction.ExportDownloaded, ticket.CustomerId, "Web", now, CustomerField.All));
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Indented);
        return Results.File(bytes, "application/json", $"customer-{ticket.CustomerId}.json");
    }
}
