using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class SlackUserKeyTests
{
    [Fact]
    public void ToString_TeamAndUser_IsWrittenTeamColonUser() =>
        Assert.Equal("T0ACME:U0ANA", new SlackUserKey("T0ACME", "U0ANA").ToString());

    [Fact]
    public void Parse_WhatToStringWrote_GivesTheSameKey()
    {
        var key = new SlackUserKey("T0ACME", "U0ANA");

        Assert.Equal(key, SlackUserKey.Parse(key.ToString()));
        Assert.Equal(("T0ACME", "U0ANA"), (key.TeamId, key.UserId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("U0ANA")]
    [InlineData(":U0ANA")]
    [InlineData("T0ACME:")]
    public void TryParse_NotTeamColonUser_IsFalse(string? text)
    {
        Assert.False(SlackUserKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SlackUserKey.Parse(text!));
    }

    [Fact]
    public void New_EmptyOrTooLongPart_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => new SlackUserKey(" ", "U0ANA"));
        Assert.Throws<DomainRuleException>(() => new SlackUserKey("T0ACME", new string('U', SlackUserKey.MaxPartLength + 1)));
    }
}
