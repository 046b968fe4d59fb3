namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The workspace the current piece of Slack work belongs to (one per scope), so the Web API client answers each
/// workspace with that workspace's own bot token without every call site passing a team id along.
/// </summary>
public sealed class SlackWorkspace
{
    /// <summary>Slack's team id ("T…"); null outside Slack work (then the configured single-workspace token is used).</summary>
    public string? TeamId { get; set; }

    /// <summary>The Enterprise Grid organisation ("E…") of the work, if any: an org-wide install's token serves every workspace in it.</summary>
    public string? EnterpriseId { get; set; }
}
