using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>
/// The one check of a new case's title length, wherever the title is given: typed in chat ("case new … | title") or in
/// the new-case form. One wording for both.
/// </summary>
public static class CaseTitleRule
{
    /// <summary>Why the title is too long, or null when it fits.</summary>
    public static LocalizedText? TooLong(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.Length <= SupportCase.MaxTitleLength ? null : new LocalizedText(
            $"That title is {title.Length} characters long; a case title can have up to {SupportCase.MaxTitleLength}. Please shorten it; put the details in the case later.",
            $"Ese título tiene {title.Length} caracteres; un título de caso puede tener hasta {SupportCase.MaxTitleLength}. Acórtalo; los detalles van luego en el caso.");
    }
}
