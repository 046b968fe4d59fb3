namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The workspace a Slack Web API call is made for, passed to every call (see <see cref="WebApi.SlackWebApiClient"/>) so
/// each is answered with that workspace's own bot token (<see cref="SlackBotTokens"/>). Built from the request or the
/// inbox item being worked on; never shared state.
/// </summary>
/// <param name="TeamId">Slack's team id ("T…"); null only for the configured single-workspace token.</param>
/// <param name="EnterpriseId">The Enterprise Grid organisation ("E…"), if any: an org-wide install's token serves every workspace in it.</param>
public sealed record SlackWorkspace(string? TeamId, string? EnterpriseId = null);
