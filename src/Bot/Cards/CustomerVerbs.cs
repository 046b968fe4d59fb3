namespace ChatCrm.Bot.Cards;

/// <summary>
/// The verbs of buttons that act on the customer they name. Cards of several features show these buttons; the feature
/// that answers each one registers its command or card action under the same constant, so each verb is spelt once.
/// </summary>
public static class CustomerVerbs
{
    public const string Find = "find";
    public const string Refresh = "refreshCustomer";
    public const string Last = "last";
    public const string Log = "log";
    public const string LogForm = "logFormOpen";
    public const string History = "history";
    public const string Offers = "offers";
    public const string Privacy = "privacy";
    public const string Duplicates = "duplicates";
    public const string Export = "export";
    public const string Erase = "erase";
    public const string NewCase = "casenew";

    /// <summary>Opens the "new customer" form ("No customer found" offers it, filled in with what was searched for).</summary>
    public const string NewCustomer = "customerNew";

    /// <summary>Opens the form that corrects the customer the button names.</summary>
    public const string EditCustomer = "customerEdit";
}
