using System.Globalization;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// Renders a form defined as a channel-neutral <see cref="Card"/> as a Slack modal: each input becomes an input block
/// whose <c>block_id</c> and <c>action_id</c> are the card field's id (so a submission reads straight back into the
/// form and an error lands on its field), texts become context blocks, the submitting button's title the modal's submit
/// button. Every text is kept within Block Kit's limits: the title is the card's <see cref="Card.ShortTitle"/> when it
/// has one (a modal's title holds 24 characters); a prefilled text longer than the field takes (its
/// <see cref="CardTextInput.MaxLength"/>, or the 3,000 characters a Slack input holds) is cut, and the field's hint says
/// so with both lengths, so the person sees that something is missing before they submit.
/// </summary>
public static class BlockKitModalRenderer
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    /// <param name="callbackId">The modal's <c>callback_id</c>, by which its submission is routed.</param>
    /// <param name="privateMetadata">What the form carries to its submission, if anything.</param>
    /// <param name="language">The reader's language, for the close button and the note on a cut text.</param>
    public static JsonObject Render(Card form, string callbackId, string? privateMetadata, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new JsonArray();
        foreach (var block in form.Body.Take(BlockKitLimits.ViewBlocks))
        {
            if (Block(block, language) is { } rendered)
                blocks.Add(rendered);
        }
        var submit = form.Buttons.FirstOrDefault(b => b.SubmitsInputs)?.Title ?? language.Pick("Send", "Enviar");
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ModalBlocks.Identifier(callbackId),
            ["title"] = BlockKitText.Plain(form.ShortTitle ?? form.Title, BlockKitLimits.ModalTitle),
            ["submit"] = BlockKitText.Plain(submit, BlockKitLimits.ModalButton),
            ["close"] = BlockKitText.Plain(language.Pick("Cancel", "Cancelar"), BlockKitLimits.ModalButton),
            ["blocks"] = blocks,
        };
        if (privateMetadata is not null)
            view["private_metadata"] = privateMetadata;
        return view;
    }

    /// <summary>The most of a prefilled text a field shows: its own limit, within what a Slack text input holds.</summary>
    public static int PrefillLimit(CardTextInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Math.Min(input.MaxLength, BlockKitLimits.PlainTextInputMax);
    }

    private static JsonObject? Block(CardBlock block, LanguageCode language) => block switch
    {
        CardTextInput text => TextInput(text, language),
        CardChoiceInput choice => ModalBlocks.Input(choice.Id, choice.Label,
            ModalBlocks.Select(choice.Id, choice.Choices.Select(c => (c.Value, Label: c.Title)).ToList(), choice.Value), optional: !choice.IsRequired),
        CardDateInput date => ModalBlocks.Input(date.Id, date.Label, DatePicker(date), optional: !date.IsRequired),
        CardText text => Context(text.Text),
        CardSection section => Context($"*{section.Heading}*"),
        CardFacts facts => Context(string.Join('\n', facts.Facts.Select(f => $"*{f.Label}:* {f.Value}"))),
        _ => null,
    };

    private static JsonObject TextInput(CardTextInput input, LanguageCode language)
    {
        var value = input.Value?.Trim();
        var limit = PrefillLimit(input);
        string? note = null;
        if (value is not null && value.Length > limit)
        {
            // Never split a surrogate pair (an emoji) in two.
            var cut = char.IsHighSurrogate(value[limit - 1]) ? limit - 1 : limit;
            note = language.Pick(
                string.Create(CultureInfo.InvariantCulture, $"The text has {value.Length:N0} characters; only the first {cut:N0} fit here."),
                string.Create(Spanish, $"El texto tiene {value.Length:N0} caracteres; aquí caben solo los primeros {cut:N0}."));
            value = value[..cut].TrimEnd();
        }
        var block = ModalBlocks.Input(input.Id, input.Label, ModalBlocks.TextInput(input.Id, input.Placeholder, input.IsMultiline, value), optional: !input.IsRequired);
        if (note is not null)
            block["hint"] = BlockKitText.Plain(note, BlockKitLimits.InputHint);
        return block;
    }

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
