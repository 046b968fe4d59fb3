using Microsoft.AspNetCore.WebUtilities;

using ChatCrm.Bot.Channels.Slack.Install;

namespace ChatCrm.Bot.Channels.Slack.Commands;

/// <summary>A slash command as Slack posts it (form-encoded), with the fields ChatCrm needs.</summary>
public sealed record SlashCommand(
    string TeamId,
    string UserId,
    string? UserName,
    string ChannelId,
    string Command,
    string Text,
    Uri ResponseUrl,
    string TriggerId)
{
    /// <summary>The Enterprise Grid organisation (<c>enterprise_id</c>), when the workspace belongs to one.</summary>
    public string? EnterpriseId { get; init; }

    /// <summary>The workspace whose bot token answers this command.</summary>
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    /// <summary>Reads the form; null with the missing field's name when something required is absent.</summary>
    public static SlashCommand? Parse(string body, out string? problem)
    {
        var form = QueryHelpers.ParseQuery(body);
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
        problem = null;
        foreach (var required in new[] { "team_id", "user_id", "channel_id", "command", "response_url", "trigger_id" })
        {
            if (Field(required) is null)
            {
                problem = $"The field '{required}' is missing.";
                return null;
            }
        }
        if (!Uri.TryCreate(Field("response_url"), UriKind.Absolute, out var responseUrl))
        {
            problem = "The field 'response_url' is not an absolute URL.";
            return null;
        }
        return new SlashCommand(Field("team_id")!, Field("user_id")!, Field("user_name"), Field("channel_id")!,
            Field("command")!, form.TryGetValue("text", out var text) ? text.ToString() : string.Empty, responseUrl, Field("trigger_id")!)
        {
            EnterpriseId = Field("enterprise_id"),
        };
    }
}
