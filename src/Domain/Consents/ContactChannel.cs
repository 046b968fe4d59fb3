namespace ChatCrm.Domain.Consents;

/// <summary>
/// The channel an outreach would use; consent is given per channel. Only distance channels are here: the
/// consent laws (ePrivacy, PECR, CAN-SPAM, TCPA, CASL…) regulate messages and calls that reach customers
/// where they did not ask for us. A face-to-face conversation is not an outreach the customer can be
/// ambushed by (they are there and can say no), so there is no "in person" channel; a logged visit, call or
/// meeting instead counts as a prior personal contact (<see cref="PersonalContact"/>), which some countries
/// require before marketing e-mail.
/// </summary>
public enum ContactChannel
{
    Email = 1,
    Phone = 2,
    Sms = 3,
    Chat = 4,
    Post = 5,
}
