namespace ChatCrm.Domain.Users;

public enum UserRole
{
    SalesRep = 1,
    SupportAgent = 2,
    Manager = 3,
    Admin = 4,
}
