namespace ChatCrm.Domain.Consents;

/// <summary>The channel an outreach would use; consent is given per channel.</summary>
public enum ContactChannel
{
    Email = 1,
    Phone = 2,
    Sms = 3,
    Chat = 4,
    Post = 5,
    InPerson = 6,
}
