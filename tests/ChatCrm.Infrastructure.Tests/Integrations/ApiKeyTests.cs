using ChatCrm.Infrastructure.Integrations;

namespace ChatCrm.Infrastructure.Tests.Integrations;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_NewKey_AcceptsItsSecretAndStoresOnlyTheHash()
    {
        var (key, token) = ApiKey.Create("erp-sync", ["CRM.Write", "crm.read", "crm.read"], Now);

        Assert.True(ApiKeyToken.TryParse(token, out var id, out var secret));
        Assert.Equal(key.Id, id);
        Assert.True(key.Accepts(secret));
        Assert.Equal("crm.read,crm.write", key.Scopes);
        Assert.Equal(32, key.SecretHash.Length);
        Assert.DoesNotContain(secret, Convert.ToBase64String(key.SecretHash), StringComparison.Ordinal);
    }

    [Fact]
    public void Rotate_ActiveKey_RefusesTheOldSecretAndAcceptsTheNew()
    {
        var (key, old) = ApiKey.Create("erp", [ApiScopes.Read], Now);
        var oldSecret = Secret(old);

        var rotated = key.Rotate(Now.AddDays(1));

        Assert.True(ApiKeyToken.TryParse(rotated, out var id, out var newSecret));
        Assert.Equal((key.Id, false, true), (id, key.Accepts(oldSecret), key.Accepts(newSecret)));
    }

    [Fact]
    public void Revoke_ActiveKey_RefusesItsSecretAndCannotBeRotated()
    {
        var (key, token) = ApiKey.Create("erp", [ApiScopes.Read], Now);
        var secret = Secret(token);

        key.Revoke(Now);

        Assert.False(key.Accepts(secret));
        Assert.Throws<InvalidOperationException>(() => key.Rotate(Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ccrm_")]
    [InlineData("ccrm_nothex00000000000000000000000000_secret")]
    [InlineData("ccrm_0195a1b2c3d4e5f60718293a4b5c6d7e_")]
    [InlineData("sk_0195a1b2c3d4e5f60718293a4b5c6d7e_secret")]
    public void TryParse_NotAKey_ReturnsFalse(string? text) =>
        Assert.False(ApiKeyToken.TryParse(text, out _, out _));

    [Theory]
    [InlineData("crm.admin")]
    [InlineData("")]
    public void Create_UnknownOrNoScope_Throws(string scopes) =>
        Assert.Throws<ArgumentException>(() => ApiKey.Create("erp", scopes.Split(','), Now));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("naïve")]
    public void Create_NameNotUsableOnACommandLine_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => ApiKey.Create(name, [ApiScopes.Read], Now));

    private static string Secret(string token) =>
        ApiKeyToken.TryParse(token, out _, out var secret) ? secret : throw new InvalidOperationException("Not a key: " + token);
}
