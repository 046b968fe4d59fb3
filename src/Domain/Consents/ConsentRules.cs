namespace ChatCrm.Domain.Consents;

/// <summary>
/// The one consent rule every offer and outreach goes through. In order:
/// <list type="number">
/// <item>The customer's latest record for the purpose and channel decides their will; on equal times a
/// withdrawal beats a grant. A withdrawal is always a no, in every country and for every purpose — service
/// messages included: they need no opt-in (they rest on the contract), but a customer who said "not by phone"
/// keeps being heard, and legally required notices are outside what this rule is asked about.</item>
/// <item>A partner-company incentive in a country that forbids them is a no, whatever the customer agreed to.</item>
/// <item>Service messages are otherwise allowed.</item>
/// <item>Marketing e-mail in a country that requires a prior personal contact is a no until a visit, call or
/// meeting has been logged — even with a grant on record.</item>
/// <item>A grant is a yes; with no record, the country's regime for the purpose and channel decides
/// (opt-in: no, opt-out: yes).</item>
/// </list>
/// </summary>
public static class ConsentRules
{
    public static ConsentDecision Evaluate(ConsentSubject subject, Outreach outreach)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(outreach);
        var policy = subject.Policy;
        var latest = Latest(subject.History, outreach.Purpose, outreach.Channel);

        if (latest is { Granted: false })
            return ConsentDecision.Deny(ConsentRule.RecordedWithdrawal, ConsentWording.Withdrawn(latest));
        if (outreach.IsPartnerIncentive && policy.PartnerIncentivesForbidden)
            return ConsentDecision.Deny(ConsentRule.PartnerIncentiveForbidden, ConsentWording.PartnerIncentiveForbidden(policy, outreach));
        if (outreach.Purpose == ConsentPurpose.Service)
            return ConsentDecision.Permit(ConsentRule.ServiceAlwaysAllowed, ConsentWording.ServiceAllowed(outreach.Channel));
        if (outreach is { Purpose: ConsentPurpose.Marketing, Channel: ContactChannel.Email }
            && policy.MarketingEmailRequiresPriorPersonalContact && !subject.HadPriorPersonalContact)
            return ConsentDecision.Deny(ConsentRule.PersonalContactRequired, ConsentWording.PersonalContactRequired(policy));
        if (latest is not null)
            return ConsentDecision.Permit(ConsentRule.RecordedGrant, ConsentWording.Granted(latest));

        return policy.RegimeFor(outreach.Purpose, outreach.Channel) == ConsentRegime.OptOut
            ? ConsentDecision.Permit(ConsentRule.OptOutDefault, ConsentWording.OptOutAllows(policy, outreach))
            : ConsentDecision.Deny(ConsentRule.OptInDefault, ConsentWording.OptInRequired(policy, outreach));
    }

    /// <summary>
    /// The record that states the customer's current will for a purpose on a channel: the newest, and of
    /// records made at the same instant, a withdrawal. Null when there is none.
    /// </summary>
    public static ConsentRecord? Latest(IEnumerable<ConsentRecord> history, ConsentPurpose purpose, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(history);
        ConsentRecord? latest = null;
        foreach (var record in history)
        {
            if (record.Purpose != purpose || record.Channel != channel)
                continue;
            if (latest is null || record.RecordedAt > latest.RecordedAt || (record.RecordedAt == latest.RecordedAt && !record.Granted))
                latest = record;
        }
        return latest;
    }
}
