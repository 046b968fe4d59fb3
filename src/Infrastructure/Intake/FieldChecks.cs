using ChatCrm.Domain.Common;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Collects the errors of one record field by field: each check runs the domain's own parsing or rule and turns its
/// refusal (a <see cref="DomainRuleException"/>) into a <see cref="FieldError"/> naming the field, so bad data is
/// answered, never thrown.
/// </summary>
public sealed class FieldChecks
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void Add(FieldError error) => _errors.Add(error);

    /// <summary>The parsed value, or default with the refusal recorded against <paramref name="field"/>.</summary>
    public T? Parse<T>(string field, Func<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (DomainRuleException refused)
        {
            Add(field, refused.Message.TrimEnd('.'));
            return default;
        }
    }

    /// <summary>A required text: trimmed, not empty, not longer than <paramref name="maxLength"/>; null when it fails.</summary>
    public string? Required(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            Add(field, "is required");
        else if (text.Length > maxLength)
            Add(field, $"is {text.Length} characters long; the limit is {maxLength}");
        else
            return text;
        return null;
    }

    /// <summary>An optional text: null when blank; recorded when longer than <paramref name="maxLength"/>.</summary>
    public string? Optional(string field, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length <= maxLength)
            return text;
        Add(field, $"is {text.Length} characters long; the limit is {maxLength}");
        return null;
    }

    /// <summary>An enum value by its name (any case, spaces, dashes or underscores ignored); numbers are not names.</summary>
    public TEnum? Choice<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(field, "is required");
            return null;
        }
        if (EnumNames.TryParse<TEnum>(text, out var parsed))
            return parsed;
        Add(field, $"'{Cut(text)}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        return null;
    }

    /// <summary>Text shown back in a message, cut so that a huge value does not make a huge report.</summary>
    public static string Cut(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
