namespace ChatCrm.Infrastructure.Seeding;

/// <summary>Where a seeding run stands: <paramref name="Stage"/> is e.g. "customers"; the counts are in customers.</summary>
public sealed record SeedProgress(string Stage, long Done, long Total);
