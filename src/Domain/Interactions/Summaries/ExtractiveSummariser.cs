using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Interactions.Summaries;

/// <summary>One sentence picked for a summary, with the contact it came from.</summary>
public sealed record SummaryLine(DateTimeOffset OccurredAt, InteractionKind Kind, string Sentence, double Score);

/// <summary>
/// A short summary of a customer's last few contacts, made of their own most informative sentences. Extractive on
/// purpose: every word in it was written by a colleague, so it cannot invent a promise, and the same history always
/// gives the same summary, in whatever language the notes were written (English and Spanish cue words are both known).
/// <para>
/// A sentence scores (a) one point per distinct content word (four letters or more, not a common word), at most six,
/// so a long ramble does not win on length alone; (b) three points per cue word that marks a commitment, a request, a
/// decision or a problem ("quote", "cancel", "presupuesto", "queja", …); (c) one point when it carries a figure (an
/// amount, a quantity, a date); (d) one point when it is the outcome, which says where the contact ended. The total is
/// weighted by recency: the newest contact counts fully, each older one a quarter less than the one after it. The
/// best sentences are kept, skipping one that repeats most content words of a sentence already kept, and shown newest
/// first.
/// </para>
/// </summary>
public static class ExtractiveSummariser
{
    /// <summary>How many of the newest contacts are read.</summary>
    public const int ContactsRead = 5;

    /// <summary>How many sentences the summary keeps.</summary>
    public const int SentencesKept = 3;

    private const int MaxContentWordPoints = 6;
    private const double CuePoints = 3;
    private const double RecencyStep = 0.25;
    private const double RepeatShare = 0.6;

    public static IReadOnlyList<SummaryLine> Summarise(IEnumerable<Interaction> interactions, int sentences = SentencesKept)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var newestFirst = interactions
            .Where(i => i.Summary != Interaction.ErasedText)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt)
            .Take(ContactsRead)
            .ToList();

        var candidates = new List<(SummaryLine Line, HashSet<string> Words)>();
        for (var rank = 0; rank < newestFirst.Count; rank++)
        {
            var contact = newestFirst[rank];
            var weight = 1.0 / (1.0 + (RecencyStep * rank));
            foreach (var sentence in SplitSentences(contact.Summary))
                candidates.Add(Candidate(contact, sentence, isOutcome: false, weight));
            foreach (var sentence in SplitSentences(contact.Outcome))
                candidates.Add(Candidate(contact, sentence, isOutcome: true, weight));
        }

        var kept = new List<(SummaryLine Line, HashSet<string> Words)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Line.Score).ThenByDescending(c => c.Line.OccurredAt))
        {
            if (kept.Count >= sentences)
                break;
            if (kept.Any(k => Repeats(candidate.Words, k.Words)))
                continue;
            kept.Add(candidate);
        }
        return kept.Select(k => k.Line).OrderByDescending(l => l.OccurredAt).ToList();
    }

    /// <summary>The score of one sentence before the recency weight (see the class remarks).</summary>
    public static double ScoreSentence(string sentence, bool isOutcome)
    {
        var words = SearchText.Fold(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var content = ContentWords(words);
        var cues = words.Count(w => SummaryVocabulary.IsCue(w));
        var hasFigure = words.Any(w => w.Any(char.IsDigit));
        return Math.Min(content.Count, MaxContentWordPoints) + (CuePoints * cues) + (hasFigure ? 1 : 0) + (isOutcome ? 1 : 0);
    }

    /// <summary>Sentences of a note: split after '.', '!', '?', ';' or a line break; blanks dropped.</summary>
    public static IEnumerable<string> SplitSentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            if (!atEnd && !IsSentenceEnd(text, i))
                continue;
            var piece = text[start..(atEnd ? i : i + 1)].Trim();
            if (piece.Trim('.', '!', '?', ';', ' ').Length > 0)
                yield return piece;
            start = i + 1;
        }
    }

    private static bool IsSentenceEnd(string text, int i) => text[i] switch
    {
        '\n' or ';' or '!' or '?' => true,
        // A full stop ends a sentence unless it sits inside a number or an abbreviation ("3.5", "e.g").
        '.' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static (SummaryLine, HashSet<string>) Candidate(Interaction contact, string sentence, bool isOutcome, double weight)
    {
        var words = ContentWords(SearchText.Fold(sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return (new SummaryLine(contact.OccurredAt, contact.Kind, sentence, ScoreSentence(sentence, isOutcome) * weight), words);
    }

    private static HashSet<string> ContentWords(IEnumerable<string> foldedWords) =>
        foldedWords.Where(w => w.Length >= 4 && !SummaryVocabulary.IsCommon(w)).ToHashSet(StringComparer.Ordinal);

    private static bool Repeats(HashSet<string> candidate, HashSet<string> kept) =>
        candidate.Count > 0 && candidate.Count(kept.Contains) >= RepeatShare * candidate.Count;
}
