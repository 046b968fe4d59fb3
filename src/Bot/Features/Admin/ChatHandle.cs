using ChatCrm.Bot.Conversations;
using System.Text.RegularExpressions;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// A chat account as ChatCrm stores its link: Teams by the Entra object id (or, when only that is known, the "29:…"
/// chat id), lower case; Slack as "TEAM:USER". <see cref="Shown"/> is what the admin wrote or the mention's name.
/// </summary>
public sealed partial record ChatHandle(ChatChannel Channel, string Key, string Shown)
{
    /// <summary>
    /// Reads the account an admin named: a Teams @mention, an Entra object id (a GUID), a "29:…" id; a Slack
    /// "&lt;@U…&gt;" mention, "U…"/"W…" (in <paramref name="slackTeam"/>, the workspace the admin writes from or the only
    /// one installed) or "T…:U…". Null with the reason when it is none of these.
    /// </summary>
    public static (ChatHandle? Handle, LocalizedText? Problem) Read(ChatChannel channel, string? word, ChatMention? mention, string? slackTeam)
    {
        if (channel == ChatChannel.Teams)
        {
            if (mention is not null)
                return (new ChatHandle(channel, (mention.DirectoryId ?? mention.ChannelUserId).ToLowerInvariant(), mention.DisplayName ?? mention.ChannelUserId), null);
            var text = word?.Trim() ?? string.Empty;
            if (Guid.TryParse(text, out var objectId))
                return (new ChatHandle(channel, objectId.ToString("D"), text), null);
            if (TeamsChatId().IsMatch(text))
                return (new ChatHandle(channel, text.ToLowerInvariant(), text), null);
            return (null, new(
                $"\"{Cut(text)}\" is not a Teams account: @mention the person, or give their Entra object id (a GUID) or their Teams id (29:…).",
                $"\"{Cut(text)}\" no es una cuenta de Teams: menciona a la persona con @, o indica su id de objeto de Entra (un GUID) o su id de Teams (29:…)."));
        }

        var raw = word?.Trim() ?? string.Empty;
        var match = SlackId().Match(raw);
        if (!match.Success)
        {
            return (null, new(
                $"\"{Cut(raw)}\" is not a Slack account: @mention the person, or give their member id (U… or W…, or T…:U… for another workspace).",
                $"\"{Cut(raw)}\" no es una cuenta de Slack: menciona a la persona con @, o indica su id de miembro (U… o W…, o T…:U… para otro espacio de trabajo)."));
        }
        var team = match.Groups["team"].Success ? match.Groups["team"].Value : slackTeam;
        if (team is null)
        {
            return (null, new(
                $"Which workspace is {match.Groups["user"].Value} in? Several are installed: write it as T…:{match.Groups["user"].Value}.",
                $"¿En qué espacio de trabajo está {match.Groups["user"].Value}? Hay varios instalados: escríbelo como T…:{match.Groups["user"].Value}."));
        }
        return (new ChatHandle(channel, new SlackUserKey(team, match.Groups["user"].Value).ToString(), raw), null);
    }

    private static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^29:[A-Za-z0-9_\\-]{1,150}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex TeamsChatId();

    /// <summary>"U0ABC", "&lt;@U0ABC&gt;", "&lt;@U0ABC|ana&gt;", "T0ACME:U0ABC".</summary>
    [GeneratedRegex("^(<@)?((?<team>[TE][A-Z0-9]{1,30}):)?(?<user>[UW][A-Z0-9]{1,30})(\\|[^>]{0,100})?(?(1)>|)$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlackId();
}
