using System.Diagnostics.CodeAnalysis;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Users;

/// <summary>
/// A Slack account: Slack user ids are unique per workspace only, so an account is its workspace's team id and its user
/// id together, written "<c>TEAM:USER</c>" (how <see cref="User.SlackUserKey"/> is stored and how a Slack turn names its
/// user). The one place that key is built (<see cref="ToString"/>) or split (<see cref="Parse"/>, <see cref="TryParse"/>).
/// </summary>
public readonly record struct SlackUserKey(string TeamId, string UserId)
{
    public const int MaxPartLength = 40;

    /// <summary>The stored length: both parts and the colon.</summary>
    public const int MaxLength = (2 * MaxPartLength) + 1;

    public string TeamId { get; } = Guard.RequiredText(TeamId, "Slack team id", MaxPartLength);

    public string UserId { get; } = Guard.RequiredText(UserId, "Slack user id", MaxPartLength);

    public override string ToString() => $"{TeamId}:{UserId}";

    /// <summary>Reads "<c>TEAM:USER</c>"; a text that is not one throws <see cref="FormatException"/>.</summary>
    public static SlackUserKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException("A Slack user key is written \"TEAM:USER\".");

    /// <summary>Reads "<c>TEAM:USER</c>" (split at the first colon, both parts present and within length).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SlackUserKey key)
    {
        key = default;
        var separator = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || separator <= 0 || separator == text.Length - 1)
            return false;
        var (team, user) = (text[..separator].Trim(), text[(separator + 1)..].Trim());
        if (team.Length is 0 or > MaxPartLength || user.Length is 0 or > MaxPartLength)
            return false;
        key = new SlackUserKey(team, user);
        return true;
    }
}
