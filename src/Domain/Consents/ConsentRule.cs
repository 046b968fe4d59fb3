namespace ChatCrm.Domain.Consents;

/// <summary>Which rule settled a <see cref="ConsentDecision"/>: for reports, tests and the privacy summary.</summary>
public enum ConsentRule
{
    /// <summary>The customer's latest record for the purpose and channel is a grant.</summary>
    RecordedGrant = 1,

    /// <summary>The customer's latest record for the purpose and channel is a withdrawal: always a no.</summary>
    RecordedWithdrawal = 2,

    /// <summary>No record, and the country is opt-in for this purpose and channel.</summary>
    OptInDefault = 3,

    /// <summary>No record, and the country is opt-out for this purpose and channel.</summary>
    OptOutDefault = 4,

    /// <summary>The offer carries an incentive tied to a partner company and the country forbids those.</summary>
    PartnerIncentiveForbidden = 5,

    /// <summary>Marketing e-mail before any visit, call or meeting in a country that requires one.</summary>
    PersonalContactRequired = 6,

    /// <summary>Service messages need no opt-in (only a withdrawal on the channel stops them).</summary>
    ServiceAlwaysAllowed = 7,
}
