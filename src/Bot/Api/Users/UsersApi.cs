using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Users;

/// <summary>
/// <c>/api/v1/users</c>, the directory (scope <c>crm.users</c> for reading and writing alike: it decides who sees which
/// customers and who is an admin): create (POST), change (PATCH with If-Match), read (GET with an ETag) and list.
/// Writes go through <see cref="UserDirectoryUpsert"/>, like the import, and so through the directory's one write path
/// (<see cref="UserWrites"/>): the same checks and rules (the last admin keeps their role; the admin and privacy officer
/// roles wait for a second admin: 202, or a 400 naming role for a new user) and the same audit, by client.
/// </summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var users = v1.MapGroup("/users").WithTags("Users").RequireAuthorization(ApiScopes.Users);
        users.MapPost("/", CreateAsync).Accepts<CreateUserRequest>("application/json")
            .Produces<UserResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a user").WithDescription(
                "Needs an Idempotency-Key. 409 when a user with this externalId exists (or, without an externalId, with this e-mail); " +
                "400 naming email when the e-mail belongs to a user with another externalId.");
        users.MapPatch("/{id:guid}", UpdateAsync).Accepts<UpdateUserRequest>("application/json")
            .Produces<UserResponse>().Produces<RoleGrantPendingResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Change a user").WithDescription("Needs If-Match with the ETag of your last read. Fields left out keep their value. " +
                "Giving the Admin or PrivacyOfficer role answers 202 with roleGrant \"pending\": the other changes are saved, and the role is given only when an admin confirms it in chat (admin pending).");
        users.MapGet("/{id:guid}", GetAsync).Produces<UserResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Read a user (with its ETag)");
        users.MapGet("/", ListAsync).Produces<UserListResponse>().ProducesValidationProblem().WithSummary("List users by name (offset and limit)");
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, UserDirectoryUpsert upsert, CrmDbContext db, CancellationToken ct)
    {
        var read = await ApiJson.ReadAsync<CreateUserRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var result = await upsert.StageAsync(new UserIntake(body.ExternalId, body.Email, body.Name, body.Role, body.Team, body.Manager, body.TimeZone, body.Language),
            Actor(http), ct);
        if (result.IsRejected)
            return IntakeAnswers.Rejected(result);
        if (result.Outcome != IntakeOutcome.Created)
        {
            db.ChangeTracker.Clear();
            http.Response.Headers.Location = $"{IntegrationApi.Prefix}/users/{result.Id}";
            return ApiProblems.Conflict("A user with this externalId or e-mail exists already; change it with PATCH (see Location).");
        }
        var user = db.ChangeTracker.Entries<User>().Single(e => e.Entity.Id.Value == result.Id).Entity;
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        http.Response.Headers.ETag = ETags.For(Version(db, user));
        return TypedResults.Created($"{IntegrationApi.Prefix}/users/{user.Id.Value}", UserResponse.From(user));
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, UserDirectoryUpsert upsert, RoleGrants grants, CrmDbContext db, CancellationToken ct)
    {
        if (ETags.Expected(http.Request) is not { } expected)
            return ApiProblems.PreconditionRequired();
        var read = await ApiJson.ReadAsync<UpdateUserRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == new UserId(id), ct);
        if (user is null)
            return ApiProblems.NotFound($"User {id}");
        if (Version(db, user) != expected)
            return ApiProblems.PreconditionFailed();
        if (user.ExternalId is { } current && body.ExternalId is { } wanted && !string.Equals(ExternalIdText.UserReference(wanted), current, StringComparison.Ordinal))
            return ApiProblems.Invalid("externalId", "cannot be changed once set");
        if (user.ExternalId is null && body.ExternalId is null && body.Email is not null && user.Email is not null)
            return ApiProblems.Invalid("email", "a user without an externalId is found by e-mail, so it cannot change it: set an externalId first");
        var result = await upsert.StageAsync(new UserIntake(user.ExternalId ?? body.ExternalId, body.Email ?? user.Email, body.Name ?? user.DisplayName,
            body.Role ?? user.Role.ToString(), body.Team, body.Manager, body.TimeZone ?? user.TimeZone, body.Language ?? user.Locale), Actor(http), ct);
        if (result.IsRejected || result.Id != id)
        {
            db.ChangeTracker.Clear();
            return result.IsRejected ? IntakeAnswers.Rejected(result) : ApiProblems.Conflict("The externalId or e-mail given is another user's.");
        }
        db.Entry(user).Property<long>(ConcurrencyVersionName).OriginalValue = expected;
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        http.Response.Headers.ETag = ETags.For(Version(db, user));
        if (grants.Staged.FirstOrDefault(g => g.UserId == user.Id) is { } pending)
            return TypedResults.Json(new RoleGrantPendingResponse(UserResponse.From(user), "pending", pending.Id, pending.Role.ToString()), statusCode: StatusCodes.Status202Accepted);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CrmDbContext db, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == new UserId(id), ct);
        if (user is null)
            return ApiProblems.NotFound($"User {id}");
        http.Response.Headers.ETag = ETags.For(Version(db, user));
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> ListAsync(HttpContext http, CrmDbContext db, IOptions<IntegrationApiOptions> options, CancellationToken ct)
    {
        var max = options.Value.MaxPageSize;
        var query = http.Request.Query;
        var limit = max;
        var offset = 0;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit < 1 || limit > max))
            return ApiProblems.Invalid("limit", $"must be a whole number from 1 to {max}");
        if (query.TryGetValue("offset", out var offsetText) && (!int.TryParse(offsetText, out offset) || offset < 0))
            return ApiProblems.Invalid("offset", "must be a whole number from 0");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        return TypedResults.Ok(new UserListResponse(users.Take(limit).Select(UserResponse.From).ToList(), offset, users.Count > limit));
    }

    private const string ConcurrencyVersionName = "Version";

    private static long Version(CrmDbContext db, User user) => db.Entry(user).Property<long>(ConcurrencyVersionName).CurrentValue;

    /// <summary>The integration the change is audited to.</summary>
    private static DirectoryActor Actor(HttpContext http) => DirectoryActor.Integration(ApiClient.From(http.User).Id);
}

/// <summary>A change saved except for the role it asked for, which waits for an admin's confirmation in chat.</summary>
public sealed record RoleGrantPendingResponse(UserResponse User, string RoleGrant, Guid RoleGrantId, string RequestedRole);
