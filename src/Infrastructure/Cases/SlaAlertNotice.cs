using System.Text.Json;
using ChatCrm.Domain.Cases;

namespace ChatCrm.Infrastructure.Cases;

/// <summary>Who an SLA alert goes to: the case's assignee, or the work group's manager (at breach only).</summary>
public enum SlaAlertRecipient
{
    Assignee = 1,
    Manager = 2,
}

/// <summary>One SLA alert to push to one person, as stored in the inbox item's payload: the case, the target, the threshold and who.</summary>
public sealed record SlaAlertNotice(Guid CaseId, SlaTarget Target, SlaThreshold Threshold, Guid RecipientId, SlaAlertRecipient Recipient)
{
    /// <summary>The inbox channel the alert push serves.</summary>
    public const string Channel = "sla-alert";

    public const string Kind = "sla-alert";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DedupKey => $"sla-alert:{CaseId:N}:{Target}:{Threshold}:{RecipientId:N}";

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    /// <returns>The notice, or null when the payload is not one.</returns>
    public static SlaAlertNotice? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<SlaAlertNotice>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
