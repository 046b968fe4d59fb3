namespace ChatCrm.Infrastructure.Consents;

/// <summary>The <c>Consent</c> section: which country consent policy table to apply.</summary>
public sealed class ConsentOptions
{
    public const string SectionName = "Consent";

    /// <summary>
    /// A JSON policy table replacing the one shipped with ChatCrm (relative to the content root unless
    /// absolute); empty for the shipped table. Start-up fails when the file is missing or has any fault.
    /// </summary>
    public string? PolicyFile { get; set; }

    /// <summary>The configured table, read and checked; throws <see cref="ConsentPolicyException"/> when it cannot be used.</summary>
    public Domain.Consents.ConsentPolicyTable LoadTable(string contentRoot) =>
        string.IsNullOrWhiteSpace(PolicyFile)
            ? ConsentPolicyFile.LoadShipped()
            : ConsentPolicyFile.Load(Path.IsPathRooted(PolicyFile) ? PolicyFile : Path.Combine(contentRoot, PolicyFile));
}
