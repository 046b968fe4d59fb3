namespace ChatCrm.Infrastructure.Satisfaction;

/// <summary>The inbox channels and kinds of satisfaction surveys, spelt once: the e-mail to the customer, and the answer told in chat.</summary>
public static class SurveyInbox
{
    /// <summary>A queued survey to e-mail (payload: the survey's id).</summary>
    public const string MailChannel = "satisfaction";

    public const string MailKind = "survey-mail";

    /// <summary>An answer to tell the assignee, and a low one the manager (payload: the survey's id).</summary>
    public const string AnswerChannel = "satisfaction-told";

    public const string AssigneeKind = "assignee";

    public const string ManagerKind = "manager";
}
