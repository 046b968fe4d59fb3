using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Features.Cases;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>
/// The case edit form is one definition (<see cref="CaseDetailCards.Edit"/>): the Teams card and the Slack modal show
/// the same fields, words, choices and current values, in English and Spanish, and the modal's title fits Slack.
/// </summary>
public sealed class CaseEditOneDefinitionTests
{
    private static readonly User Hannah = new(UserId.New(), "Hannah Lewis", UserRole.SupportAgent, "Support", "Europe/London", "en-GB");
    private static readonly User Ana = new(UserId.New(), "Ana García", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");

    private static SupportCase Case()
    {
        var supportCase = SupportCase.Open(CustomerId.New(), "Printer offline", null, CasePriority.High, ValueTier.Gold, Ana.Id, "Support",
            DateTimeOffset.UtcNow.AddHours(-2), SlaTable.Default);
        supportCase.Assign(Hannah.Id, "Tier 2", Ana.Id, DateTimeOffset.UtcNow.AddHours(-1));
        return supportCase;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Render_EditForm_TeamsCardAndSlackModalHaveTheSameFieldsAndCurrentValues(string code)
    {
        var language = LanguageCode.Parse(code);
        var supportCase = Case();
        var form = CaseDetailCards.Edit(supportCase, "María Núñez", [Ana, Hannah], language);

        var teams = FormFields.OfAdaptiveCard(AdaptiveCardRenderer.Render(form));
        var view = BlockKitModalRenderer.Render(form, "chatcrm-case-edit", "state", language);
        var slack = FormFields.OfModal(view);

        Assert.Equal(["status", "note", "priority", "assignee", "group"], slack.Select(f => f.Id));
        Assert.Equal(teams, slack);
        Assert.Equal(["Open", "High", Hannah.Id.Value.ToString(), "Tier 2"], slack.Where(f => f.Id != "note").Select(f => f.Value));
        var title = (string)view["title"]!["text"]!;
        Assert.InRange(title.Length, 1, BlockKitLimits.ModalTitle);
        Assert.DoesNotContain(BlockKitText.Ellipsis, title, StringComparison.Ordinal);
        Assert.EndsWith(supportCase.Number, title, StringComparison.Ordinal);
        Assert.Empty(BlockKitChecks.CheckView(view));
    }

    [Fact]
    public void Render_EditForm_TheSaveButtonIsTheCaseCardsUpdateWithTheCaseAndWhatWasSeen()
    {
        var supportCase = Case();

        var save = CaseDetailCards.Edit(supportCase, "María Núñez", [Hannah], LanguageCode.English).Buttons.Single();

        Assert.True(save.SubmitsInputs);
        Assert.Equal(CaseDetailCards.ActVerb, save.Verb);
        Assert.Equal((supportCase.Number, CaseDetailCards.Seen(supportCase), "update"),
            (save.Data[CaseDetailCards.CaseKey], save.Data[CaseDetailCards.SeenKey], save.Data[CaseDetailCards.OperationKey]));
    }
}
