using System.Security.Claims;
using ChatCrm.Infrastructure.Integrations;

namespace ChatCrm.Bot.Api.Auth;

/// <summary>
/// The integration behind a request, as both authentication schemes describe it: a stable id (<c>apikey:…</c> or
/// <c>entra:…</c>), a name for people, and the scopes it holds.
/// </summary>
public sealed record ApiClient(string Id, string Name, IReadOnlySet<string> Scopes)
{
    public const string IdClaim = "chatcrm:client";

    public const string NameClaim = "chatcrm:client_name";

    public const string ScopeClaim = "chatcrm:scope";

    public bool Has(string scope) => Scopes.Contains(scope);

    public bool CanRead => Has(ApiScopes.Read);

    /// <summary>The client of an authenticated request; throws when the endpoint was reached without one (a wiring bug).</summary>
    public static ApiClient From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(IdClaim) ?? throw new InvalidOperationException("The request has no API client: the endpoint is missing its authorization.");
        var scopes = user.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new ApiClient(id, user.FindFirstValue(NameClaim) ?? id, scopes);
    }

    public static ClaimsIdentity Identity(string id, string name, IEnumerable<string> scopes, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, NameClaim, ScopeClaim);
        identity.AddClaim(new Claim(IdClaim, id));
        identity.AddClaim(new Claim(NameClaim, name));
        foreach (var scope in scopes)
            identity.AddClaim(new Claim(ScopeClaim, scope));
        return identity;
    }
}
