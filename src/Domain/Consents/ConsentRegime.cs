namespace ChatCrm.Domain.Consents;

/// <summary>What a country's law makes of silence: whether having no consent record means no or yes.</summary>
public enum ConsentRegime
{
    /// <summary>No record means no: the customer must have agreed first (GDPR/ePrivacy, PECR, CASL, Spam Act…).</summary>
    OptIn = 1,

    /// <summary>No record means yes until the customer objects (CAN-SPAM for e-mail, for instance).</summary>
    OptOut = 2,
}
