using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// Slack downloads every <c>image</c> block's <c>image_url</c> when a message is posted, and refuses the whole message
/// (<c>invalid_blocks</c>, "downloading image failed") when it cannot. This is the same message with each picture
/// replaced by its alt text, to send instead: the reader gets the figures in words rather than no message at all.
/// </summary>
public static class BlockKitImages
{
    public static bool Carries(JsonObject message) =>
        message?["blocks"] is JsonArray blocks && blocks.OfType<JsonObject>().Any(IsImage);

    /// <returns>A copy of <paramref name="message"/> whose image blocks are context lines with their alt text.</returns>
    public static JsonObject WithAltTextsInstead(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var copy = message.DeepClone().AsObject();
        if (copy["blocks"] is JsonArray blocks)
        {
            copy["blocks"] = new JsonArray([.. blocks.Select(b => b is JsonObject block && IsImage(block)
                ? new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(BlockKitText.Markdown((string?)block["alt_text"] ?? string.Empty, BlockKitLimits.SectionText)),
                }
                : b?.DeepClone())]);
        }
        return copy;
    }

    private static bool IsImage(JsonObject block) => (string?)block["type"] == "image";
}
