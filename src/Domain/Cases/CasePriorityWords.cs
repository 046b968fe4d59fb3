using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Cases;

/// <summary>The priority a case title asks for, with the words that decided it (or why it is the default), in both languages.</summary>
public sealed record PriorityDecision(CasePriority Priority, LocalizedText Text)
{
    /// <summary>The reason in English.</summary>
    public string Reason => Text.English;
}

/// <summary>
/// Reads a priority from the words of a case title typed in chat ("urgent: printer down", "prioridad alta …"), so a
/// person can open a case in one line. Only explicit words count: "high" alone is too common in problem descriptions
/// ("high CPU"), so High and Low need the word "priority"/"prioridad" with them. Pure: text in, decision with reason out.
/// </summary>
public static class CasePriorityWords
{
    private static readonly string[] UrgentWords = ["urgent", "urgente", "urgently", "urgentemente", "asap"];

    private static readonly (string[] Phrase, CasePriority Priority)[] Phrases =
    [
        (["high", "priority"], CasePriority.High),
        (["prioridad", "alta"], CasePriority.High),
        (["alta", "prioridad"], CasePriority.High),
        (["low", "priority"], CasePriority.Low),
        (["prioridad", "baja"], CasePriority.Low),
        (["baja", "prioridad"], CasePriority.Low),
    ];

    public static PriorityDecision FromTitle(string? title)
    {
        var words = SearchText.Fold(title ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.FirstOrDefault(w => UrgentWords.Contains(w, StringComparer.Ordinal)) is { } urgent)
            return new PriorityDecision(CasePriority.Urgent, Says(urgent));
        for (var i = 0; i + 1 < words.Length; i++)
        {
            foreach (var (phrase, priority) in Phrases)
            {
                if (words[i] == phrase[0] && words[i + 1] == phrase[1])
                    return new PriorityDecision(priority, Says($"{phrase[0]} {phrase[1]}"));
            }
        }
        return new PriorityDecision(CasePriority.Normal, new LocalizedText("no priority word in the title", "el título no indica prioridad"));
    }

    private static LocalizedText Says(string words) => new($"the title says \"{words}\"", $"el título dice «{words}»");
}
