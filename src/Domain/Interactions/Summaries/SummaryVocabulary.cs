namespace ChatCrm.Domain.Interactions.Summaries;

/// <summary>
/// The words the extractive summariser knows, in English and Spanish, folded (lower case, no accents). Cue words are
/// stems matched at the start of a word ("renov" covers "renovar", "renovación"), so one entry covers its inflections.
/// </summary>
internal static class SummaryVocabulary
{
    /// <summary>Stems that mark what a rep must know before speaking: a request, a commitment, a decision, a problem.</summary>
    private static readonly string[] CueStems =
    [
        // English
        "quote", "price", "pricing", "discount", "budget", "renew", "cancel", "complain", "problem", "issue", "broken",
        "order", "contract", "sign", "deadline", "urgent", "wants", "asked", "request", "agreed", "promis", "decid",
        "approv", "trial", "demo", "callback", "escalat", "refund", "invoice", "competitor", "upgrade", "seats",
        // Spanish
        "presupuest", "precio", "descuent", "renov", "cancel", "queja", "reclam", "problema", "averi", "pedido",
        "contrat", "firm", "plazo", "urgent", "quiere", "pidio", "solicit", "acord", "prometi", "decidi", "aprob",
        "prueba", "factura", "devoluc", "competenc", "licencia", "puestos", "ampliar",
    ];

    /// <summary>Frequent words of four letters or more that say nothing about the contact.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "were", "they", "them", "about", "will", "would", "their", "there",
        "been", "into", "also", "some", "what", "when", "which", "more", "very", "just", "then", "than", "again",
        "customer", "said", "told", "today", "still", "could", "should", "after", "before",
        "para", "pero", "como", "esta", "este", "esto", "estos", "estas", "todo", "todos", "sobre", "entre", "cuando",
        "desde", "hasta", "tiene", "tienen", "porque", "tambien", "ella", "ellos", "nuestro", "nuestra", "cliente",
        "dijo", "hemos", "habia", "sido", "estaba", "otra", "otro", "donde", "hace", "pues", "luego", "despues", "antes",
    };

    public static bool IsCue(string foldedWord) =>
        foldedWord.Length >= 4 && CueStems.Any(stem => foldedWord.StartsWith(stem, StringComparison.Ordinal));

    public static bool IsCommon(string foldedWord) => Common.Contains(foldedWord);
}
