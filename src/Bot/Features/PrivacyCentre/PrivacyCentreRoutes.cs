namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The privacy centre's addresses, spelt once.</summary>
public static class PrivacyCentreRoutes
{
    public const string Root = "/privacy-centre";
    public const string Style = Root + "/style.css";
    public const string RequestLink = Root + "/link";
    public const string Open = Root + "/open";
    public const string Mine = Root + "/me";
    public const string Data = Mine + "/data.json";
    public const string Printable = Mine + "/print";
    public const string Consent = Mine + "/consent";
    public const string Correction = Mine + "/correction";
    public const string Erasure = Mine + "/erasure";
    public const string SignOut = Root + "/sign-out";
}
