using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>The cards of correcting one's own log for <see cref="CardCatalogue"/>, with the longest texts the rules allow.</summary>
public static class LogCorrectionCardCatalogue
{
    public static IEnumerable<(string Name, Card Card)> All(LanguageCode language)
    {
        var customer = CardCatalogue.Customer();
        var interaction = CardCatalogue.LongestInteraction();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        yield return ("amend form", LogCorrectionCards.AmendForm(customer, interaction, language, TimeZoneInfo.Utc, today));
        yield return ("amend form with errors", LogCorrectionCards.AmendForm(customer, interaction, language, TimeZoneInfo.Utc, today,
            LogCorrectionCards.AsTyped(interaction, TimeZoneInfo.Utc), new Dictionary<string, string> { ["summary"] = new string('x', 300) }));
        var amendment = interaction.Amend(interaction.OccurredAt, DateTimeOffset.UtcNow, interaction.Channel, interaction.Kind, interaction.Summary,
            interaction.Outcome, interaction.FollowUpOn);
        yield return ("interaction amended", LogCorrectionCards.Amended(customer, amendment, language, TimeZoneInfo.Utc));
        yield return ("withdraw confirmation", LogCorrectionCards.ConfirmWithdraw(customer, amendment, language, TimeZoneInfo.Utc));
        yield return ("interaction withdrawn", LogCorrectionCards.Withdrawn(customer, amendment, language, TimeZoneInfo.Utc));
    }
}
