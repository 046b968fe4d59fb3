using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// Renders a form defined as a channel-neutral <see cref="Card"/> as a Slack modal: each input becomes an input block
/// whose <c>block_id</c> and <c>action_id</c> are the card field's id (so a submission reads straight back into the
/// form and an error lands on its field), texts become context blocks, the submitting button's title the modal's submit
/// button. Every text is kept within Block Kit's limits (title 24 characters, identifiers, options).
/// </summary>
public static class BlockKitModalRenderer
{
    /// <param name="callbackId">The modal's <c>callback_id</c>, by which its submission is routed.</param>
    /// <param name="privateMetadata">What the form carries to its submission, if anything.</param>
    /// <param name="language">The reader's language, for the close button.</param>
    public static JsonObject Render(Card form, string callbackId, string? privateMetadata, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new JsonArray();
        foreach (var block in form.Body.Take(BlockKitLimits.ViewBlocks))
        {
            if (Block(block) is { } rendered)
                blocks.Add(rendered);
        }
        var submit = form.Buttons.FirstOrDefault(b => b.SubmitsInputs)?.Title ?? language.Pick("Send", "Enviar");
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ModalBlocks.Identifier(callbackId),
            ["title"] = BlockKitText.Plain(form.Title, BlockKitLimits.ModalTitle),
            ["submit"] = BlockKitText.Plain(submit, BlockKitLimits.ModalButton),
            ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
            ["blocks"] = blocks,
        };
        if (privateMetadata is not null)
            view["private_metadata"] = privateMetadata;
        return view;
    }

    private static JsonObject? Block(CardBlock block) => block switch
    {
        CardTextInput text => ModalBlocks.Input(text.Id, text.Label,
            ModalBlocks.TextInput(text.Id, text.Placeholder, text.IsMultiline, text.Value), optional: !text.IsRequired),
        CardChoiceInput choice => ModalBlocks.Input(choice.Id, choice.Label,
            ModalBlocks.Select(choice.Id, choice.Choices.Select(c => (c.Value, Label: c.Title)).ToList(), choice.Value), optional: !choice.IsRequired),
        CardDateInput date => ModalBlocks.Input(date.Id, date.Label, DatePicker(date), optional: !date.IsRequired),
        CardText text => Context(text.Text),
        CardSection section => Context($"*{section.Heading}*"),
        CardFacts facts => Context(string.Join('\n', facts.Facts.Select(f => $"*{f.Label}:* {f.Value}"))),
        _ => null,
    };

    private static JsonObject DatePicker(CardDateInput date)
    {
        var picker = new JsonObject { ["type"] = "datepicker", ["action_id"] = ModalBlocks.Identifier(date.Id) };
        if (date.Value is { } value)
            picker["initial_date"] = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return picker;
    }

    private static JsonObject Context(string markdown) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(BlockKitText.Markdown(markdown, BlockKitLimits.SectionText)),
    };
}
