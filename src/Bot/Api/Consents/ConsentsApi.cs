using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Api.Consents;

/// <summary>
/// A consent change from your system, keyed by its id there: the customer (by <c>customerExternalId</c>) granted or
/// withdrew consent for a <c>purpose</c> (Service, Marketing, Profiling) on a <c>channel</c> (Email, Phone, Sms, Chat,
/// Post), from a <c>source</c> ("web form"), at <c>recordedAt</c>.
/// </summary>
public sealed record RecordConsentRequest(
    string? ExternalId,
    string? CustomerExternalId,
    string? Purpose,
    string? Channel,
    bool? Granted,
    string? Source,
    DateTimeOffset? RecordedAt);

public sealed record ConsentResponse(Guid Id, string? ExternalId, Guid CustomerId, string Purpose, string Channel, bool Granted, string Source, DateTimeOffset RecordedAt)
{
    public static ConsentResponse From(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id.Value, record.ExternalId, record.CustomerId.Value, record.Purpose.ToString(), record.Channel.ToString(), record.Granted, record.Source, record.RecordedAt);
    }
}

/// <summary>
/// <c>POST /api/v1/consents</c>: record a consent change with its source (201); the same statement again changes
/// nothing (200); a different statement under an id already used is refused (records are never edited). Through
/// <see cref="ConsentRecorder"/>, like the import.
/// </summary>
public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/consents", RecordAsync).RequireAuthorization(ApiScopes.Write).WithTags("Consents")
            .Accepts<RecordConsentRequest>("application/json")
            .Produces<ConsentResponse>(StatusCodes.Status201Created).Produces<ConsentResponse>().ProducesValidationProblem()
            .WithSummary("Record a consent grant or withdrawal").WithDescription("Needs an Idempotency-Key. The customer is named by its externalId.");
        return v1;
    }

    private static async Task<IResult> RecordAsync(HttpContext http, ConsentRecorder recorder, CrmDbContext db, ApiAudit audit, CancellationToken ct)
    {
        var read = await ApiJson.ReadAsync<RecordConsentRequest>(http.Request);
        if (read.Problem is not null)
            return read.Problem;
        var body = read.Value!;
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Granted is null)
            missing["granted"] = ["is required (true for a grant, false for a withdrawal)"];
        if (body.RecordedAt is null)
            missing["recordedAt"] = ["is required"];
        var result = await recorder.StageAsync(new ConsentIntake(body.ExternalId, body.CustomerExternalId, body.Purpose, body.Channel, body.Granted ?? false,
            body.Source, body.RecordedAt ?? DateTimeOffset.UnixEpoch.AddYears(30)), ct);
        if (result.IsRejected || missing.Count > 0)
        {
            db.ChangeTracker.Clear();
            foreach (var error in result.Errors.Where(e => !missing.ContainsKey(e.Field)))
                missing[error.Field] = [.. missing.GetValueOrDefault(error.Field) ?? [], error.Message];
            return ApiProblems.Invalid(missing);
        }
        var record = await db.ConsentRecords.FindAsync([new ConsentRecordId(result.Id!.Value)], ct);
        var client = ApiClient.From(http.User);
        if (result.Outcome == IntakeOutcome.Created)
            audit.Record(client, AuditAction.RecordedConsent, record!.CustomerId, CustomerField.Consents,
                $"{record.Purpose} by {record.Channel}: {(record.Granted ? "granted" : "withdrawn")}");
        if (await IntakeAnswers.SaveAsync(db, ct) is { } failed)
            return failed;
        var answer = IntakeAnswers.Body(client, record!.Id.Value, result.Outcome, () => ConsentResponse.From(record));
        return result.Outcome == IntakeOutcome.Created
            ? TypedResults.Created($"{IntegrationApi.Prefix}/customers/{record.CustomerId.Value}", answer)
            : TypedResults.Ok(answer);
    }
}
