namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>
/// The <c>LegalPages</c> section: the privacy statement (<c>/privacy</c>) and terms of use (<c>/terms</c>) the Teams
/// package points at. An operator replaces either with their own HTML file (served as it is, with the privacy centre's
/// security headers; so no script there either); otherwise a short built-in text in English or Spanish names
/// <see cref="Controller"/> and <see cref="ContactEmail"/>.
/// </summary>
public sealed class LegalPagesOptions
{
    public const string SectionName = "LegalPages";

    /// <summary>A file with the company's own privacy statement (a whole HTML page), used instead of the built-in one.</summary>
    public string? PrivacyStatementFile { get; set; }

    /// <summary>A file with the company's own terms of use (a whole HTML page), used instead of the built-in one.</summary>
    public string? TermsFile { get; set; }

    /// <summary>Who is responsible for the data (the company running ChatCrm), named in the built-in texts.</summary>
    public string Controller { get; set; } = "the company that runs this ChatCrm";

    /// <summary>Where people write about their data, named in the built-in texts.</summary>
    public string? ContactEmail { get; set; }
}
