using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Api.Customers;

/// <summary>
/// <c>/api/v1/customers/{id}/identities</c>: add a handle (e-mail, phone, loyalty number, external id), normalised as
/// everywhere else, or remove one. A handle another customer holds is refused (409): that is a duplicate for a person
/// to merge, never merged here. Teams and Slack accounts are linked by the chat, not through the API.
/// </summary>
public static class IdentitiesApi
{
    private static readonly IdentityKind[] Managed = [IdentityKind.Email, IdentityKind.Phone, IdentityKind.LoyaltyNumber, IdentityKind.ExternalId];

    public static RouteGroupBuilder MapIdentitiesApi(this RouteGroupBuilder customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        customers.MapPost("/{id:guid}/identities", AddAsync).RequireAuthorization(ApiScopes.Write)
            .Accepts<AddIdentityRequest>("application/json")
            .Produces<IdentityResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add a handle to a customer").WithDescription("Needs an Idempotency-Key. Kinds: Email, Phone, LoyaltyNumber, ExternalId.");
        customers.MapDelete("/{id:guid}/identities/{identityId:guid}", RemoveAsync).RequireAuthorization(ApiScopes.Write)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a handle from a customer");
        return customers;
    }

    private static async Task<IResult> AddAsync(Guid id, HttpContext http, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        var read = await ApiJson.ReadAsync<AddIdentityRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Kind is not { } kind)
            errors["kind"] = ["is required"];
        else if (!Managed.Contains(kind))
            errors["kind"] = [$"must be one of {string.Join(", ", Managed)}"];
        if (string.IsNullOrWhiteSpace(body.Value))
            errors["value"] = ["is required"];
        if (errors.Count > 0)
            return ApiProblems.Invalid(errors);

        var found = await CustomersApi.FindAsync(db, new CustomerId(id), ct);
        if (found.Problem is not null)
            return found.Problem;
        var customer = found.Customer!;
        string value;
        try
        {
            value = IdentityNormalizer.Normalize(body.Kind!.Value, body.Value, customer.Country);
        }
        catch (DomainRuleException problem)
        {
            return ApiProblems.Invalid("value", problem.Message);
        }
        var holder = await db.CustomerIdentities.AsNoTracking()
            .Where(i => i.Kind == body.Kind && i.Value == value).Select(i => (CustomerId?)i.CustomerId).FirstOrDefaultAsync(ct);
        if (holder is { } other && other != customer.Id)
            return ApiProblems.Conflict($"This {body.Kind} already belongs to another customer ({other.Value}); merge the two with \"duplicates\" in the chat.");

        var isNew = !customer.Identities.Any(i => i.Kind == body.Kind && i.Value == value);
        var identity = customer.AddIdentity(body.Kind!.Value, value);
        var client = ApiClient.From(http.User);
        if (isNew)
            audit.Record(client, AuditAction.AddedIdentity, customer.Id, CustomerField.ContactDetails, $"kind: {identity.Kind}");
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        var location = $"{IntegrationApi.Prefix}/customers/{id}";
        var answer = IdentityResponse.From(identity);
        return isNew ? TypedResults.Created(location, answer) : TypedResults.Ok(answer);
    }

    private static async Task<IResult> RemoveAsync(Guid id, Guid identityId, HttpContext http, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        var found = await CustomersApi.FindAsync(db, new CustomerId(id), ct);
        if (found.Problem is not null)
            return found.Problem;
        var customer = found.Customer!;
        var identity = customer.Identities.FirstOrDefault(i => i.Id == identityId && Managed.Contains(i.Kind));
        if (identity is null)
            return ApiProblems.NotFound($"Identity {identityId} of customer {id}");
        customer.RemoveIdentity(identityId);
        audit.Record(ApiClient.From(http.User), AuditAction.RemovedIdentity, customer.Id, CustomerField.ContactDetails, $"kind: {identity.Kind}");
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        return TypedResults.NoContent();
    }
}
