namespace ChatCrm.Domain.Consents;

/// <summary>
/// Reads a customer's consent records. Opt-in: without a grant there is no consent; the newest
/// record for a purpose and channel decides. Country-specific rules come on top of this ledger.
/// </summary>
public static class ConsentLedger
{
    public static ConsentDecision Evaluate(IEnumerable<ConsentRecord> records, ConsentPurpose purpose, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (purpose == ConsentPurpose.Service)
            return ConsentDecision.Permit("service messages need no opt-in");

        var latest = records
            .Where(r => r.Purpose == purpose && r.Channel == channel)
            .OrderByDescending(r => r.RecordedAt)
            .FirstOrDefault();

        var what = $"{Describe(purpose)} {Describe(channel)}";
        return latest switch
        {
            null => ConsentDecision.Deny($"no opt-in for {what}"),
            { Granted: true } => ConsentDecision.Permit($"opted in to {what} on {latest.RecordedAt:yyyy-MM-dd} ({latest.Source})"),
            _ => ConsentDecision.Deny($"withdrew consent to {what} on {latest.RecordedAt:yyyy-MM-dd}"),
        };
    }

    public static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Marketing => "marketing",
        ConsentPurpose.Profiling => "profiling",
        ConsentPurpose.PartnerOffers => "partner offers",
        _ => "service messages",
    };

    /// <summary>The channel as it reads after a verb: "by e-mail", "in person".</summary>
    public static string Describe(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "by e-mail",
        ContactChannel.Phone => "by phone",
        ContactChannel.Sms => "by SMS",
        ContactChannel.Chat => "in chat",
        ContactChannel.Post => "by post",
        _ => "in person",
    };
}
