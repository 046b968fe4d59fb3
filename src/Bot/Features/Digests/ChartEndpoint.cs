using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Charts;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// <c>GET /charts/{token}.png</c>: a team chart, drawn when fetched (nothing is kept on disk) from the figures of the
/// period and team the signed token names (<see cref="ChartLinks"/>). Teams and Slack fetch it without signing in, so
/// the token is the whole permission: an altered or unknown token gets 404, an expired one 410, and a token whose
/// manager is no longer an active manager 404 — never a picture, never a 500.
/// </summary>
public static class ChartEndpoint
{
    /// <summary>How long a client or the platform's image proxy may keep a picture (one hour, never a shared cache).</summary>
    public const string CacheControl = "private, max-age=3600";

    public static void MapTeamCharts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ChartLinks.RoutePrefix + "{token}" + ChartLinks.Extension, DrawAsync);

    private static async Task<IResult> DrawAsync(string token, HttpContext http, ChartLinks links, CrmDbContext db, TeamChartQuery query,
        IOptions<ChartOptions> options, CancellationToken cancellationToken)
    {
        var (state, request) = links.Read(token);
        if (state == ChartLinkState.Expired)
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "This chart has expired",
                detail: "Chart addresses work for a limited time. Type \"kpis\" in chat for current figures.");
        if (request is null)
            return NotFound();
        var manager = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.ManagerId, cancellationToken);
        if (manager is null || manager.Role != UserRole.Manager || manager.DeactivatedAt is not null)
            return NotFound();

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var data = await query.ComputeAsync(request.ManagerId, request.Period, options.Value.TrendWeeks, cancellationToken);
        var png = ChartPainter.Png(TeamChartPictures.Picture(request.Kind, data, request.Language, zone));
        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(png, "image/png");
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This chart is not available",
        detail: "The address was altered or is not one ChatCrm issued.");
}
