namespace ChatCrm.Infrastructure.Seeding;

/// <summary>How many demo customers to add, and the seed that makes the generated data repeatable.</summary>
public sealed record SeedRequest(int Customers, int RandomSeed = 20261124);
