namespace ChatCrm.Infrastructure.Integrations;

/// <summary>
/// What an integration may do through the REST API. Entra ID app roles carry the same names in their own spelling
/// (<c>Crm.Read</c>, <c>Crm.Write</c>, <c>Crm.Users</c>); API keys store them lower case.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read customers (with their identities, orders and consents) and search them.</summary>
    public const string Read = "crm.read";

    /// <summary>Create and change customers and identities; record orders, deposits and consent changes.</summary>
    public const string Write = "crm.write";

    /// <summary>Read and change the directory of ChatCrm users (reps, managers, admins).</summary>
    public const string Users = "crm.users";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Users];

    /// <summary>The scopes lower case, without duplicates, sorted and comma-separated; throws on an unknown scope.</summary>
    public static string Normalize(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var name = scope.Trim().ToLowerInvariant();
            if (name.Length == 0)
                continue;
            if (!All.Contains(name))
                throw new ArgumentException($"'{scope.Trim()}' is not a scope; the scopes are {string.Join(", ", All)}.", nameof(scopes));
            set.Add(name);
        }
        if (set.Count == 0)
            throw new ArgumentException($"Give at least one scope: {string.Join(", ", All)}.", nameof(scopes));
        return string.Join(',', set);
    }

    public static IReadOnlyList<string> Split(string scopes) =>
        (scopes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
