namespace ChatCrm.Domain.Users;

public enum UserRole
{
    SalesRep = 1,
    SupportAgent = 2,
    Manager = 3,
    Admin = 4,

    /// <summary>Answers customers' data requests: exports and erases a customer's personal data.</summary>
    PrivacyOfficer = 5,
}
