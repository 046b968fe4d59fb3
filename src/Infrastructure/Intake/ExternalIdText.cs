using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>External ids and user references in the one form they are stored and matched in.</summary>
public static class ExternalIdText
{
    /// <summary>The external id as stored (upper case, no spaces; see <see cref="IdentityNormalizer"/>), with its refusal recorded.</summary>
    public static string? Check(FieldChecks checks, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (string.IsNullOrWhiteSpace(value))
        {
            checks.Add(field, "is required");
            return null;
        }
        return checks.Parse(field, () => IdentityNormalizer.Normalize(IdentityKind.ExternalId, value));
    }

    /// <summary>
    /// A user named by work e-mail (anything with an @, lower case) or by directory id (normalised like an external id);
    /// null when blank.
    /// </summary>
    public static string? UserReference(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return text.Contains('@', StringComparison.Ordinal)
            ? text.ToLowerInvariant()
            : string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }
}
