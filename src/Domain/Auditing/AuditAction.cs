namespace ChatCrm.Domain.Auditing;

public enum AuditAction
{
    ViewedCustomer = 1,
    ViewedLastConversation = 2,
    ViewedOffers = 3,
    LoggedInteraction = 4,

    /// <summary>The customer appeared (name and company) in a list of search candidates.</summary>
    ListedInSearch = 5,

    /// <summary>Someone asked for more of the record than need-to-know allows; nothing more was shown.</summary>
    AccessDenied = 6,

    /// <summary>A privacy officer prepared an export of everything held about the customer.</summary>
    ExportRequested = 7,

    /// <summary>The export was downloaded.</summary>
    ExportDownloaded = 8,

    /// <summary>The customer's personal data was anonymised.</summary>
    Erased = 9,

    /// <summary>Another record of the same customer was merged into this one.</summary>
    MergedInto = 10,

    /// <summary>A support case was opened for the customer.</summary>
    OpenedCase = 11,

    /// <summary>The customer's case appeared (name, case title and SLA) in someone's case queue.</summary>
    ListedInCaseQueue = 12,

    /// <summary>A rep recorded (or changed) the customer's answer to an offer.</summary>
    AnsweredOffer = 13,

    /// <summary>The customer appeared (name, and why: a follow-up overdue, a high-value account at risk) in a manager's digest.</summary>
    ListedInDigest = 14,

    /// <summary>A support case of the customer was shown in full (title, status, history).</summary>
    ViewedCase = 15,

    /// <summary>A support case of the customer was changed (status, priority, assignee or work group).</summary>
    ChangedCase = 16,

    /// <summary>
    /// The directory changed: a chat account was linked to a ChatCrm user (by the e-mail the chat tool reported).
    /// No customer is involved; the actor is the user whose account was linked. An admin's "admin map" records it too,
    /// with the admin as the actor and the before and after in <see cref="AuditEntry.Details"/>.
    /// </summary>
    DirectoryChanged = 17,

    /// <summary>The customer appeared (name, and why: overdue follow-up, at risk, a case near its SLA, new) in a manager's "kpis" answer.</summary>
    ListedInKpis = 18,

    /// <summary>The customer appeared (name, the event, offers re-checked for them) in their rep's queued suggestions.</summary>
    ViewedOfferSuggestions = 20,

    /// <summary>A rep dismissed a queued offer suggestion for the customer.</summary>
    DismissedOfferSuggestion = 21,

    /// <summary>An admin looked at the status card ("admin status"): channels, database, scheduler, digests, model.</summary>
    ViewedAdminStatus = 22,

    /// <summary>An admin looked at a country's consent policy ("admin consent"); the country is in the details.</summary>
    ViewedConsentPolicy = 23,

    /// <summary>An admin set or stopped a manager's digest ("admin digest"); before and after are in the details.</summary>
    ChangedDigestSchedule = 24,

    /// <summary>Someone without the admin role tried an admin command; nothing was shown or changed.</summary>
    AdminCommandRefused = 25,

    /// <summary>A customer record was created (through the REST API or an import); who did it is the actor or the client.</summary>
    CreatedCustomer = 40,

    /// <summary>A customer's name, company, country, language or owner was changed; before and after are in the details.</summary>
    ChangedCustomer = 41,

    /// <summary>A handle (e-mail, phone, loyalty number, external id) was added to the customer.</summary>
    AddedIdentity = 42,

    /// <summary>A handle was taken off the customer.</summary>
    RemovedIdentity = 43,

    /// <summary>An order or deposit of the customer was recorded or corrected.</summary>
    RecordedOrder = 44,

    /// <summary>A consent grant or withdrawal of the customer was recorded, with its source.</summary>
    RecordedConsent = 45,
    /// <summary>The customer appeared (name, the order or deposit, the offers that fit) in a card pushed to their owner's chat.</summary>
    PushedOfferEvent = 26,

    /// <summary>An admin looked at the user directory in chat (the list, or one user's card); no customer content.</summary>
    ViewedDirectory = 27,

    /// <summary>The customer was handed to a new owner (details: the previous and new owner's ids, and the open cases that moved).</summary>
    HandedOver = 50,

    /// <summary>The author corrected their last interaction (details: the replaced and the new version's ids; the original stays on record).</summary>
    AmendedInteraction = 55,

    /// <summary>The author withdrew their last interaction (details: its id); it stays on record as withdrawn.</summary>
    WithdrewInteraction = 56,

    /// <summary>A rep sent the customer a sign-in link to their privacy centre from chat (a service message).</summary>
    SentPrivacyLink = 60,

    /// <summary>The customer signed in to their privacy centre with a link (no staff actor; the client is the privacy centre).</summary>
    OpenedPrivacyCentre = 61,

    /// <summary>The customer downloaded their data from the privacy centre.</summary>
    DownloadedOwnData = 62,

    /// <summary>The customer asked for a correction in the privacy centre; a follow-up was set for the owner.</summary>
    RequestedCorrection = 63,

    /// <summary>The customer asked for erasure in the privacy centre; it waits for a privacy officer.</summary>
    RequestedErasure = 64,

    /// <summary>
    /// A chat account was not linked to a ChatCrm user by its e-mail: a guest, external or bot account, another workspace,
    /// or an e-mail domain that is not the company's (details: the check that failed, never the e-mail). The client is the account.
    /// </summary>
    ChatLinkRefused = 75,

    /// <summary>An admin issued a single-use Slack install link (details: its id and expiry, never the token).</summary>
    IssuedSlackInstallLink = 76,

    /// <summary>A Slack install link was used: the install started (or was refused as used or expired; see the details).</summary>
    UsedSlackInstallLink = 77,

    /// <summary>An admin asked for the admin or privacy officer role for someone; it waits for a second admin (details: the request's id).</summary>
    RequestedRoleGrant = 78,

    /// <summary>A second admin confirmed (the role was given) or rejected a pending role grant; or the requester was refused confirming their own.</summary>
    DecidedRoleGrant = 79,

    /// <summary>The customer was listed (name, the follow-up's date and the interaction's summary) among a person's overdue follow-ups, e.g. on Slack's App Home.</summary>
    ListedInFollowUps = 80,

    /// <summary>An SLA alert about the customer's case was pushed to a person's chat (details: the case number, target and threshold).</summary>
    PushedSlaAlert = 81,

    /// <summary>The customer was e-mailed a satisfaction survey after a case was resolved (actor: who resolved it; details: the case number).</summary>
    SentSatisfactionSurvey = 84,

    /// <summary>The customer answered a satisfaction survey on its page (no staff actor; details: the case number).</summary>
    AnsweredSatisfactionSurvey = 85,

    /// <summary>A person was shown a customer's satisfaction answer in chat: the case's assignee, or the manager alerted to a low score.</summary>
    ShownSatisfactionAnswer = 86,
}
