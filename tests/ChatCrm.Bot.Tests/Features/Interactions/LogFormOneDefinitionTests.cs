using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Tests.Features.Interactions;

/// <summary>
/// The log form is one definition (<see cref="LogFormCards.Form"/>): the Slack modal and the Teams card render the same
/// fields with the same labels, placeholders, choices, defaults and required marks, in English and in Spanish, and the
/// modal's title fits Slack's 24 characters without being cut.
/// </summary>
public sealed class LogFormOneDefinitionTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    public static TheoryData<string> Languages => new() { "en", "es" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_SameForm_SlackModalAndTeamsCardHaveTheSameFields(string code)
    {
        var language = LanguageCode.Parse(code);
        var form = LogFormCards.Form(language, Guid.NewGuid(), Today, values: new LogFormInput("maria.nunez@acme.es", "Visit", "Renewal", null, null, "Phone"));

        var teams = FormFields.OfAdaptiveCard(AdaptiveCardRenderer.Render(form));
        var slack = FormFields.OfModal(BlockKitModalRenderer.Render(form, "chatcrm-log", null, language));

        Assert.Equal(["customer", "kind", "channel", "date", "summary", "outcome", "followUp"], slack.Select(f => f.Id));
        Assert.Equal(teams, slack);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_SlackModal_TitleIsTheShortTitleWithinTwentyFourCharactersAndTheViewIsValid(string code)
    {
        var language = LanguageCode.Parse(code);
        var form = LogFormCards.Form(language, Guid.NewGuid(), Today);

        var view = BlockKitModalRenderer.Render(form, "chatcrm-log", null, language);

        var title = (string)view["title"]!["text"]!;
        Assert.Equal(LogFormCards.ShortTitle(language), title);
        Assert.InRange(title.Length, 1, BlockKitLimits.ModalTitle);
        Assert.DoesNotContain(BlockKitText.Ellipsis, title, StringComparison.Ordinal);
        Assert.Equal(form.Buttons.Single(b => b.SubmitsInputs).Title, (string?)view["submit"]?["text"]);
        Assert.Empty(BlockKitChecks.CheckView(view));
    }

    [Fact]
    public void Render_SpanishCardTitle_IsLongerThanSlackAllowsSoTheModalUsesTheShortOne()
    {
        var form = LogFormCards.Form(LanguageCode.Spanish, Guid.NewGuid(), Today);

        Assert.True(form.Title.Length > BlockKitLimits.ModalTitle, form.Title);
        Assert.Equal("Registrar interacción", (string?)BlockKitModalRenderer.Render(form, "chatcrm-log", null, LanguageCode.Spanish)["title"]?["text"]);
        Assert.Equal(form.Title, (string?)AdaptiveCardRenderer.Render(form)["body"]?[0]?["text"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_PrefilledTextLongerThanTheField_IsCutToTheFieldsOwnLimitAndTheHintSaysSo(string code)
    {
        var language = LanguageCode.Parse(code);
        var form = LogFormCards.Form(language, Guid.NewGuid(), Today, values: new LogFormInput(null, null, new string('s', 3_500), new string('o', 1_200), null));

        var blocks = BlockKitModalRenderer.Render(form, "chatcrm-log", null, language)["blocks"]!.AsArray();

        var summary = blocks.Single(b => (string?)b!["block_id"] == "summary")!;
        var outcome = blocks.Single(b => (string?)b!["block_id"] == "outcome")!;
        Assert.Equal(BlockKitLimits.PlainTextInputMax, ((string?)summary["element"]?["initial_value"])!.Length); // Slack's input holds 3,000
        Assert.Equal(Domain.Interactions.Interaction.MaxOutcomeLength, ((string?)outcome["element"]?["initial_value"])!.Length); // the outcome's own 1,000
        Assert.Contains(code == "en" ? "1,200" : "1.200", (string?)outcome["hint"]?["text"], StringComparison.Ordinal);
    }
}
