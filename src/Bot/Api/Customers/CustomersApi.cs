using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Api.Customers;

/// <summary>
/// <c>/api/v1/customers</c>: create (POST, by your external id), change (PATCH with If-Match), read (GET, with an
/// ETag) and search (GET with externalId, email, phone, loyaltyNumber or q). Writes go through <see cref="CustomerUpsert"/>,
/// the same rules as the import.
/// </summary>
public static class CustomersApi
{
    private const CustomerField ShownFields = CustomerField.Identity | CustomerField.ContactDetails | CustomerField.Profile;

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var customers = v1.MapGroup("/customers").WithTags("Customers");
        customers.MapPost("/", CreateAsync).RequireAuthorization(ApiScopes.Write)
            .Accepts<CreateCustomerRequest>("application/json")
            .Produces<CustomerResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a customer").WithDescription("Needs an Idempotency-Key. 409 when a customer already has the external id: change it with PATCH.");
        customers.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(ApiScopes.Write)
            .Accepts<UpdateCustomerRequest>("application/json")
            .Produces<CustomerResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Change a customer").WithDescription("Needs If-Match with the ETag of your last read. Fields left out keep their value.");
        customers.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ApiScopes.Read)
            .Produces<CustomerResponse>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Read a customer (with its ETag)");
        customers.MapGet("/", SearchAsync).RequireAuthorization(ApiScopes.Read)
            .Produces<CustomerSearchResponse>().ProducesValidationProblem().WithSummary("Find customers by external id, e-mail, phone, loyalty number or name (q)");
        customers.MapIdentitiesApi();
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CustomerUpsert upsert, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        var read = await ApiJson.ReadAsync<CreateCustomerRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var result = await upsert.StageAsync(new CustomerIntake(body.ExternalId, body.Name, body.Company, body.Country, body.Language, body.Owner,
            body.Email, body.Phone, body.LoyaltyNumber), ct);
        if (result.IsRejected)
            return IntakeAnswers.Rejected(result);
        if (result.Outcome != IntakeOutcome.Created)
        {
            db.ChangeTracker.Clear();
            http.Response.Headers.Location = $"{IntegrationApi.Prefix}/customers/{result.Id}";
            return ApiProblems.Conflict("A customer with this externalId exists already; change it with PATCH (see Location).");
        }
        var client = ApiClient.From(http.User);
        var id = new CustomerId(result.Id!.Value);
        audit.Record(client, AuditAction.CreatedCustomer, id, ShownFields, string.Join("; ", result.Warnings));
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        var customer = await db.Customers.Include(c => c.Identities).FirstAsync(c => c.Id == id, ct);
        http.Response.Headers.ETag = ETags.For(Version(db, customer));
        return TypedResults.Created($"{IntegrationApi.Prefix}/customers/{id.Value}", IntakeAnswers.Body(client, id.Value, result.Outcome, () => CustomerResponse.From(customer)));
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, CustomerUpsert upsert, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        if (ETags.Expected(http.Request) is not { } expected)
            return ApiProblems.PreconditionRequired();
        var read = await ApiJson.ReadAsync<UpdateCustomerRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var customerId = new CustomerId(id);
        var current = await FindAsync(db, customerId, ct);
        if (current.Problem is not null)
            return current.Problem;
        var customer = current.Customer!;
        if (Version(db, customer) != expected)
            return ApiProblems.PreconditionFailed();
        if (customer.FirstIdentity(IdentityKind.ExternalId) is not { } externalId)
            return ApiProblems.Conflict("This customer has no external id yet: add one (POST …/identities with kind ExternalId), then change it here.");

        var result = await upsert.StageAsync(new CustomerIntake(externalId, body.Name ?? customer.DisplayName, body.Company, body.Country ?? customer.Country.Value,
            body.Language ?? customer.PreferredLanguage.Value, body.Owner, body.Email, body.Phone, body.LoyaltyNumber), ct);
        if (result.IsRejected)
        {
            db.ChangeTracker.Clear();
            return IntakeAnswers.Rejected(result);
        }
        // The database checks the version the client read, so a change saved after our read is not overwritten either.
        db.Entry(customer).Property<long>(ConcurrencyVersionName).OriginalValue = expected;
        var client = ApiClient.From(http.User);
        if (result.Outcome == IntakeOutcome.Updated)
            audit.Record(client, AuditAction.ChangedCustomer, customerId, ShownFields, Changed(body));
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        http.Response.Headers.ETag = ETags.For(Version(db, customer));
        return TypedResults.Ok(IntakeAnswers.Body(client, id, result.Outcome, () => CustomerResponse.From(customer)));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        var found = await FindAsync(db, new CustomerId(id), ct);
        if (found.Problem is not null)
            return found.Problem;
        var customer = found.Customer!;
        audit.Record(ApiClient.From(http.User), AuditAction.ViewedCustomer, customer.Id, ShownFields);
        var etag = ETags.For(Version(db, customer));
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = etag;
        return TypedResults.Ok(CustomerResponse.From(customer));
    }

    /// <summary>The customer (tracked, with its handles), or the 404 that answers instead; erased and merged records are gone.</summary>
    internal static async Task<(Customer? Customer, IResult? Problem)> FindAsync(CrmDbContext db, CustomerId id, CancellationToken ct)
    {
        var customer = await db.Customers.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer?.MergedIntoId is { } survivor)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Customer {id.Value} was merged into customer {survivor.Value}; use that one."));
        if (customer is null || customer.IsErased)
            return (null, ApiProblems.NotFound($"Customer {id.Value}"));
        return (customer, null);
    }

    internal const string ConcurrencyVersionName = "Version";

    internal static long Version(CrmDbContext db, Customer customer) => db.Entry(customer).Property<long>(ConcurrencyVersionName).CurrentValue;

    /// <summary>Which fields the change named (never their values: the audit trail holds no personal data).</summary>
    private static string Changed(UpdateCustomerRequest body) =>
        "fields: " + string.Join(", ", new (string Name, object? Value)[]
        {
            ("name", body.Name), ("company", body.Company), ("country", body.Country), ("language", body.Language), ("owner", body.Owner),
            ("email", body.Email), ("phone", body.Phone), ("loyaltyNumber", body.LoyaltyNumber),
        }.Where(f => f.Value is not null).Select(f => f.Name));

    private static async Task<IResult> SearchAsync(HttpContext http, CustomerSearch search, ApiAudit audit, CrmDbContext db, CancellationToken ct)
    {
        var found = await search.FindAsync(http.Request.Query, ct);
        if (found.Problem is not null)
            return found.Problem;
        var client = ApiClient.From(http.User);
        foreach (var customer in found.Customers)
            audit.Record(client, AuditAction.ListedInSearch, customer.Id, ShownFields);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CustomerSearchResponse(found.Customers.Select(CustomerResponse.From).ToList(), found.MoreExist));
    }
}
