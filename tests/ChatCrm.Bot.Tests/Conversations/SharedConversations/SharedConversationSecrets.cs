namespace ChatCrm.Bot.Tests.Conversations.SharedConversations;

/// <summary>
/// What the customer of the shared-conversation tests holds beyond basic identity: the tests assert that none of it
/// reaches anything a group can read (the whole posted JSON: text, card, fallback, notification line).
/// </summary>
public static class SharedConversationSecrets
{
    public const string Email = "maria.nunez@acme.es";
    public const string Phone = "+34 600 123 456";
    public const string Note = "Renewal pricing stays confidential";
    public const string CaseTitle = "Printer offline in Seville";

    /// <summary>Fragments that only appear where more than name and company is shown (accents avoided: JSON escapes them).</summary>
    public static readonly string[] Fragments =
    [
        Email, "600123456", "600 123 456", Note, CaseTitle, "Consent", "Marketing", "Platinum", "Gold", "Silver", "Bronze", "12-month",
        "12,000", "12.000", "Privacy preferences", "Offers for",
    ];

    public static void AssertNone(string groupVisible)
    {
        foreach (var fragment in Fragments)
            Assert.DoesNotContain(fragment, groupVisible, StringComparison.OrdinalIgnoreCase);
    }
}
