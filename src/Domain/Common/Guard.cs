namespace ChatCrm.Domain.Common;

/// <summary>Checks shared by the aggregates; each failure explains itself in plain words.</summary>
internal static class Guard
{
    public static string RequiredText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainRuleException($"The {what} cannot be empty.");
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"The {what} is {trimmed.Length} characters long; the limit is {maxLength}.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new DomainRuleException($"The {what} is {trimmed.Length} characters long; the limit is {maxLength}.");
        return trimmed;
    }

    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();
}
