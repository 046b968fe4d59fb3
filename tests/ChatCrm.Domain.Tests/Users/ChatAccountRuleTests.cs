using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class ChatAccountRuleTests
{
    private static readonly string[] Workspaces = ["T0ACME", "E0GRID"];
    private static readonly string[] Domains = ["acme.com"];

    [Theory]
    [InlineData(ChatMembership.Guest)]
    [InlineData(ChatMembership.Bot)]
    [InlineData(ChatMembership.Deactivated)]
    [InlineData(ChatMembership.External)]
    public void Decide_NotAFullMember_RefusesOnMembership(ChatMembership membership) =>
        Assert.Equal(ChatAccountCheck.Membership, ChatAccountRule.Decide(new("a@acme.com", membership, ["T0ACME"]), Workspaces, Domains).Failed);

    [Theory]
    [InlineData("T0EVIL", null, "a@acme.com", ChatAccountCheck.Workspace)]
    [InlineData("T0ACME", null, "a@evil.com", ChatAccountCheck.EmailDomain)]
    [InlineData("T0ACME", null, "a@sub.acme.com", ChatAccountCheck.EmailDomain)]
    [InlineData("T0ACME", null, null, ChatAccountCheck.NoEmail)]
    [InlineData("T0OTHER", "E0GRID", "A@ACME.COM", null)]
    [InlineData("t0acme", null, "a@acme.com", null)]
    public void Decide_FullMember_ChecksWorkspaceThenDomain(string team, string? enterprise, string? email, ChatAccountCheck? failed)
    {
        var decision = ChatAccountRule.Decide(new(email, ChatMembership.FullMember, new[] { team, enterprise }.OfType<string>().ToList()), Workspaces, Domains);

        Assert.Equal((failed is null, failed), (decision.Allowed, decision.Failed));
    }

    [Fact]
    public void Decide_NothingAllowed_RefusesEveryone()
    {
        var account = new ChatAccountFacts("a@acme.com", ChatMembership.FullMember, ["T0ACME"]);

        Assert.Equal(ChatAccountCheck.NoWorkspaceAllowed, ChatAccountRule.Decide(account, [], Domains).Failed);
        Assert.Equal(ChatAccountCheck.NoEmailDomainAllowed, ChatAccountRule.Decide(account, Workspaces, []).Failed);
    }

    [Fact]
    public void Decide_ToolWithoutWorkspaces_ChecksTheDomainOnly() =>
        Assert.True(ChatAccountRule.Decide(new("a@acme.com", ChatMembership.FullMember, []), null, Domains).Allowed);
}
