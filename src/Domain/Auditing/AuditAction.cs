namespace ChatCrm.Domain.Auditing;

public enum AuditAction
{
    ViewedCustomer = 1,
    ViewedLastConversation = 2,
    ViewedOffers = 3,
    LoggedInteraction = 4,
}
