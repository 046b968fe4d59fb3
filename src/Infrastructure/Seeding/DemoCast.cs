using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// The people and offers a seeding run works with (the demo ones, or those already in the database), indexed
/// the way the generators ask for them: who owns accounts of a country, who answers support in a language,
/// who manages whom. When the directory lacks a kind of user, the nearest kind stands in.
/// </summary>
internal sealed class DemoCast
{
    private readonly Dictionary<string, User[]> _repsByTeam;
    private readonly User[] _allReps;
    private readonly User[] _spanishSupport;
    private readonly User[] _englishSupport;
    private readonly Dictionary<UserId, User> _byId;

    public DemoCast(IReadOnlyList<User> users, IReadOnlyList<DemoOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(offers);
        if (users.Count == 0)
            throw new InvalidOperationException("Interactions need at least one user to log them.");
        if (offers.Count == 0)
            throw new InvalidOperationException("Orders need at least one offer in the catalog.");

        Offers = offers;
        _byId = users.ToDictionary(u => u.Id);
        var reps = users.Where(u => u.Role == UserRole.SalesRep).ToArray();
        _allReps = reps.Length > 0 ? reps : [.. users];
        _repsByTeam = reps.Where(u => u.Team is not null)
            .GroupBy(u => u.Team!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var support = users.Where(u => u.Role == UserRole.SupportAgent).ToArray();
        if (support.Length == 0)
            support = _allReps;
        _spanishSupport = OrAll(support.Where(u => u.Locale.StartsWith("es", StringComparison.OrdinalIgnoreCase)).ToArray(), support);
        _englishSupport = OrAll(support.Where(u => !u.Locale.StartsWith("es", StringComparison.OrdinalIgnoreCase)).ToArray(), support);
    }

    public IReadOnlyList<DemoOffer> Offers { get; }

    /// <summary>The sales reps who own accounts in the country (its team, or every rep when that team is missing).</summary>
    public IReadOnlyList<User> RepsFor(DemoCountry country) =>
        _repsByTeam.TryGetValue(country.SalesTeam, out var team) ? team : _allReps;

    public IReadOnlyList<User> SupportFor(bool speaksSpanish) => speaksSpanish ? _spanishSupport : _englishSupport;

    /// <summary>The user's manager, or the user when there is none in the directory.</summary>
    public User ManagerOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.ManagerId is { } managerId && _byId.TryGetValue(managerId, out var manager) ? manager : user;
    }

    private static User[] OrAll(User[] some, User[] all) => some.Length > 0 ? some : all;
}
