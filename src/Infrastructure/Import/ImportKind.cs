namespace ChatCrm.Infrastructure.Import;

/// <summary>What a file to import holds (one kind per file).</summary>
public enum ImportKind
{
    Users = 1,
    Customers = 2,
    Orders = 3,
    Consents = 4,
    Offers = 5,
}
