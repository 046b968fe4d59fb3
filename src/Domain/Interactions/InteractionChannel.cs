namespace ChatCrm.Domain.Interactions;

/// <summary>Where the conversation with the customer took place.</summary>
public enum InteractionChannel
{
    Phone = 1,
    Visit = 2,
    Meeting = 3,
    Email = 4,
    Web = 5,
    Store = 6,
    Teams = 7,
    Slack = 8,
}
