namespace ChatCrm.Infrastructure.Intake;

/// <summary>Reads an enum value by its name as people and exports write it ("Sales rep", "sales_rep", "SALESREP").</summary>
public static class EnumNames
{
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var compact = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')));
        if (compact.Length == 0 || !compact.All(char.IsAsciiLetterOrDigit) || char.IsAsciiDigit(compact[0]))
            return false;
        return Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
