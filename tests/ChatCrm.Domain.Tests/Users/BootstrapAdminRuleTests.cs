using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class BootstrapAdminRuleTests
{
    private const string ObjectId = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b";

    [Fact]
    public void Match_EmailInAnotherCase_MatchesByEmail()
    {
        var match = BootstrapAdminRule.Match([" Ana.Admin@Example.com "], "ana.admin@example.COM", entraObjectId: null);

        Assert.NotNull(match);
        Assert.Equal("e-mail", match.MatchedBy);
        Assert.Equal("Ana.Admin@Example.com", match.Entry);
    }

    [Fact]
    public void Match_ObjectIdInAnotherGuidFormat_MatchesByObjectId()
    {
        var match = BootstrapAdminRule.Match(["ana@example.com", "{" + ObjectId.ToUpperInvariant() + "}"], email: null, ObjectId);

        Assert.NotNull(match);
        Assert.Equal("Entra object id", match.MatchedBy);
    }

    [Theory]
    [InlineData("bob@example.com", null)]
    [InlineData(null, "00000000-0000-4000-8000-000000000009")]
    [InlineData(null, null)]
    [InlineData("", "not-a-guid")]
    public void Match_PersonNotNamed_IsNull(string? email, string? objectId) =>
        Assert.Null(BootstrapAdminRule.Match(["ana@example.com", ObjectId], email, objectId));

    [Fact]
    public void Match_EntryThatIsNeitherEmailNorGuid_NeverMatches() =>
        Assert.Null(BootstrapAdminRule.Match(["ana"], "ana", "ana"));

    [Fact]
    public void Match_NoEntries_IsNull() =>
        Assert.Null(BootstrapAdminRule.Match(null, "ana@example.com", ObjectId));

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData(ObjectId, true)]
    [InlineData("ana", false)]
    [InlineData("ana@", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void IsValidEntry_EmailOrGuidOnly_IsValid(string? entry, bool expected) =>
        Assert.Equal(expected, BootstrapAdminRule.IsValidEntry(entry));
}
