using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Orders;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Api.Orders;

/// <summary>
/// An order or deposit from your system, keyed by its id there. <c>amount</c> is a JSON number with at most two
/// decimals; <c>currency</c> needs a rate in <c>Tiers:ExchangeRates</c>; <c>historical</c> back-fill queues no offer suggestion.
/// </summary>
public sealed record RecordOrderRequest(
    string? ExternalId,
    string? CustomerExternalId,
    string? ProductCode,
    string? Category,
    decimal? Amount,
    string? Currency,
    DateTimeOffset? PlacedAt,
    bool Historical = false);

public sealed record OrderResponse(Guid Id, string? ExternalId, Guid CustomerId, string ProductCode, string? Category, decimal Amount, string Currency, DateTimeOffset PlacedAt)
{
    public static OrderResponse From(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.Id.Value, order.ExternalId, order.CustomerId.Value, order.ProductCode, order.Category, order.Amount, order.Currency, order.PlacedAt);
    }
}

/// <summary>
/// <c>POST /api/v1/orders</c> and <c>POST /api/v1/deposits</c>: record an order or deposit (201), or correct one already
/// recorded under the same external id (200). A new one fires the same offer triggers as any order (a large deposit →
/// an investment suggestion for the owner), in the same transaction. Through <see cref="OrderRecorder"/>, like the import.
/// </summary>
public static class OrdersApi
{
    /// <summary>The category a deposit gets when the request names none: deposit-like for the offer triggers.</summary>
    public const string DepositCategory = "Deposits";

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/orders", (HttpContext http, OrderRecorder recorder, CrmDbContext db, ApiAudit audit, CancellationToken ct) =>
                RecordAsync(http, recorder, db, audit, defaultCategory: null, ct))
            .RequireAuthorization(ApiScopes.Write).WithTags("Orders")
            .Accepts<RecordOrderRequest>("application/json")
            .Produces<OrderResponse>(StatusCodes.Status201Created).Produces<OrderResponse>().ProducesValidationProblem()
            .WithSummary("Record an order").WithDescription("Needs an Idempotency-Key. The customer is named by its externalId.");
        v1.MapPost("/deposits", (HttpContext http, OrderRecorder recorder, CrmDbContext db, ApiAudit audit, CancellationToken ct) =>
                RecordAsync(http, recorder, db, audit, DepositCategory, ct))
            .RequireAuthorization(ApiScopes.Write).WithTags("Orders")
            .Accepts<RecordOrderRequest>("application/json")
            .Produces<OrderResponse>(StatusCodes.Status201Created).Produces<OrderResponse>().ProducesValidationProblem()
            .WithSummary("Record a deposit").WithDescription($"An order whose category is {DepositCategory} unless another is given. Needs an Idempotency-Key.");
        return v1;
    }

    private static async Task<IResult> RecordAsync(HttpContext http, OrderRecorder recorder, CrmDbContext db, ApiAudit audit, string? defaultCategory, CancellationToken ct)
    {
        var read = await ApiJson.ReadAsync<RecordOrderRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Amount is null)
            missing["amount"] = ["is required"];
        if (body.PlacedAt is null)
            missing["placedAt"] = ["is required"];
        var result = await recorder.StageAsync(new OrderIntake(body.ExternalId, body.CustomerExternalId, body.ProductCode, body.Category ?? defaultCategory,
            body.Amount ?? 0.01m, body.Currency, body.PlacedAt ?? DateTimeOffset.UnixEpoch.AddYears(30)), body.Historical, ct);
        if (result.IsRejected || missing.Count > 0)
        {
            db.ChangeTracker.Clear();
            foreach (var error in result.Errors.Where(e => !missing.ContainsKey(e.Field)))
                missing[error.Field] = [.. missing.GetValueOrDefault(error.Field) ?? [], error.Message];
            return ApiProblems.Invalid(missing);
        }
        var order = await db.Orders.FindAsync([new OrderId(result.Id!.Value)], ct);
        var client = ApiClient.From(http.User);
        if (result.Outcome != IntakeOutcome.Unchanged)
            audit.Record(client, AuditAction.RecordedOrder, order!.CustomerId, CustomerField.Revenue, $"order {order.Id.Value}: {result.Outcome}");
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        var answer = IntakeAnswers.Body(client, order!.Id.Value, result.Outcome, () => OrderResponse.From(order));
        return result.Outcome == IntakeOutcome.Created
            ? TypedResults.Created($"{IntegrationApi.Prefix}/customers/{order.CustomerId.Value}", answer)
            : TypedResults.Ok(answer);
    }
}
