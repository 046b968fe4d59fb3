namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>The survey pages' addresses, spelt once (next to the privacy centre's, with its style sheet).</summary>
public static class SatisfactionRoutes
{
    public const string Root = "/satisfaction";
    public const string Answer = Root + "/answer";
}
