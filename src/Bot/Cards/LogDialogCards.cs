using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>The questions of the "log an interaction" dialog. Each can be answered by typing or with the card.</summary>
public static class LogDialogCards
{
    public const string SummaryInput = "summary";
    public const string OutcomeInput = "outcome";
    public const string FollowUpInput = "followUp";

    public static Card AskCustomer() => new(
        "Log an interaction",
        [new CardText("Which customer? Type part of the name, the company, an e-mail or a phone number."),
         new CardText("Type \"cancel\" at any step to stop.", TextEmphasis.Subtle)],
        []);

    public static Card AskKind(string customerName) => new(
        $"Log an interaction with {customerName}",
        [new CardText("What kind of contact was it?")],
        Enum.GetValues<InteractionKind>().Select(k => CardButton.For(k.ToString(), "kind", ("kind", k.ToString()))).ToList());

    public static Card AskSummary(string customerName) => new(
        $"Log an interaction with {customerName}",
        [new CardText("What was it about? Type a short summary."),
         new CardTextInput(SummaryInput, "Summary", Interaction.MaxSummaryLength, IsMultiline: true)],
        [new CardButton("Next", "summary", new Dictionary<string, string>()) { SubmitsInputs = true }]);

    public static Card AskOutcome(string customerName) => new(
        $"Log an interaction with {customerName}",
        [new CardText("How did it end? (e.g. \"will send a quote\"; type \"skip\" if there is nothing to add)"),
         new CardTextInput(OutcomeInput, "Outcome", Interaction.MaxOutcomeLength, IsRequired: false)],
        [new CardButton("Next", "outcome", new Dictionary<string, string>()) { SubmitsInputs = true },
         CardButton.For("Skip", "outcome", ("skip", "true"))]);

    public static Card AskFollowUp(string customerName) => new(
        $"Log an interaction with {customerName}",
        [new CardText("Any follow-up date? Type a date (2026-12-01, 01/12/2026, \"tomorrow\", \"in 3 days\") or \"no\"."),
         new CardDateInput(FollowUpInput, "Follow-up date")],
        [new CardButton("Save", "followUp", new Dictionary<string, string>()) { SubmitsInputs = true },
         CardButton.For("No follow-up", "followUp", ("none", "true"))]);
}
