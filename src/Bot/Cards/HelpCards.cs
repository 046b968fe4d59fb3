using ChatCrm.Domain.Access;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Cards;

/// <summary>What ChatCrm can do, as a welcome and as the answer to "help".</summary>
public static class HelpCards
{
    /// <param name="role">The user's role: commands only some roles may use are listed for those roles only.</param>
    public static Card Help(string? intro = null, UserRole? role = null)
    {
        var body = new List<CardBlock>();
        if (intro is not null)
            body.Add(new CardText(intro));
        var commands = new List<CardFact>
        {
            new CardFact("find <customer>", "look a customer up by name, company, e-mail or phone"),
            new CardFact("log [customer]", "log a call, visit, meeting, e-mail or chat, step by step"),
            new CardFact("last <customer>", "where the last conversation ended, whatever the channel"),
            new CardFact("offers <customer>", "offers that fit the customer and that they agreed to hear about"),
            new CardFact("privacy <customer>", "the customer's privacy preferences: what they agreed to, per purpose and channel, and why"),
            new CardFact("duplicates <customer>", "other records that are probably the same customer, to merge into one"),
            new CardFact("cancel", "stop what we are doing; nothing half-done is saved"),
            new CardFact("help", "this list"),
        };
        if (role is null || NeedToKnowPolicy.MayWorkCases(role.Value))
        {
            commands.Insert(commands.Count - 2, new CardFact("cases", "your case queue (a manager's includes their team's), most urgent first, with each case's SLA"));
            commands.Insert(commands.Count - 2, new CardFact("case new <customer> | <title>", "open a support case, assigned to you; \"urgent\" or \"high priority\" in the title sets its priority"));
            commands.Insert(commands.Count - 2, new CardFact("case <number>", "one case with its history; its buttons start, wait on the customer, resolve (with a note), close, reopen, take it or edit it"));
        }
        if (role == UserRole.PrivacyOfficer)
        {
            commands.Add(new CardFact("export <customer>", "a download of everything held about the customer (their right of access)"));
            commands.Add(new CardFact("erase <customer>", "anonymise the customer's personal data (their right to erasure), after a confirmation"));
        }
        body.Add(new CardFacts(commands));
        body.Add(new CardText("Accents and case don't matter: \"nunez\" finds \"Núñez\".", TextEmphasis.Subtle));
        return new Card("ChatCrm", body, [CardButton.For("Log an interaction", "log")]);
    }

    public static Card Welcome() => Help("Hi! I'm ChatCrm. I keep your customer conversations in one place, whatever the channel.");

    public static Card NotUnderstood(string text, UserRole? role = null) =>
        Help($"I didn't understand \"{CustomerCards.Shorten(text, 60)}\". Here is what I can do:", role);
}
