using System.Text.Json;

namespace ChatCrm.Infrastructure.Customers.HandOver;

/// <summary>
/// The one message a hand-over owes the new owner, as stored in the inbox item's payload: who handed over, from whom,
/// how many customers (the first few by name) and how many open cases and follow-ups came with them.
/// </summary>
public sealed record HandOverNotice(Guid HeirId, string ByName, string? FromName, int Customers, IReadOnlyList<string> FirstNames, int CasesMoved,
    int FollowUpsMoved = 0)
{
    /// <summary>The inbox channel the notice worker serves.</summary>
    public const string Channel = "handover";

    public const string Kind = "handover-notice";

    /// <summary>How many customers the message names; the rest are counted.</summary>
    public const int NamesShown = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    /// <returns>The notice, or null when the payload is not one.</returns>
    public static HandOverNotice? FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<HandOverNotice>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
