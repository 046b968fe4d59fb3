using System.Text;
using ChatCrm.Bot.Channels.Slack;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>The signature rule itself, at its edges, with a fixed clock.</summary>
public sealed class SlackSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T1&text=find+ana");
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Verify_TimestampAtTheEdgeOfTheWindow_AcceptsUpTo300Seconds(int offsetSeconds, bool valid)
    {
        var timestamp = Now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var verdict = SlackSignature.Verify("secret", timestamp, SlackSignature.Sign("secret", timestamp, Body), Body, Now, Window);

        Assert.Equal(valid, verdict.Valid);
    }

    [Theory]
    [InlineData("v1=0000")]
    [InlineData("v0=zz")]
    [InlineData("v0=")]
    public void Verify_MalformedSignature_IsRefusedWithAReason(string signature)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var verdict = SlackSignature.Verify("secret", timestamp, signature, Body, Now, Window);

        Assert.False(verdict.Valid);
        Assert.False(string.IsNullOrEmpty(verdict.Reason));
    }

    [Fact]
    public void Verify_OneBitFlippedInTheBody_IsRefused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SlackSignature.Sign("secret", timestamp, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^1] ^= 1;

        Assert.True(SlackSignature.Verify("secret", timestamp, signature, Body, Now, Window).Valid);
        Assert.Equal("the signature does not match", SlackSignature.Verify("secret", timestamp, signature, tampered, Now, Window).Reason);
    }

    [Fact]
    public void Sign_KnownVector_MatchesAnIndependentHmac()
    {
        var expected = "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("secret"), Encoding.UTF8.GetBytes("v0:1531420618:" + Encoding.UTF8.GetString(Body))));

        Assert.Equal(expected, SlackSignature.Sign("secret", "1531420618", Body));
    }
}
