namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>Where blocks are shown: Slack allows more blocks in a modal or the Home tab than in a message.</summary>
public enum BlockSurface
{
    Message,
    Modal,
    Home,
}

/// <summary>The Block Kit limits ChatCrm renders within (Slack rejects a payload that exceeds any of them).</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    public const int Identifier = 255;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int PlainTextInputMax = 3000;
    public const int InputHint = 2000;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int StaticSelectOptions = 100;
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;

    /// <summary>The top-level <c>text</c> of a message (its notification and screen-reader line).</summary>
    public const int MessageText = 3000;

    public static int Blocks(BlockSurface surface) => surface == BlockSurface.Message ? MessageBlocks : ViewBlocks;
}
