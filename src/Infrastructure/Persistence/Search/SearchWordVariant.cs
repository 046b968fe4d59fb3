namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// The vocabulary of the word index, keyed for lookup: every indexed word is stored under itself, under each
/// string its deletions give (<see cref="Domain.Customers.Identification.DeleteVariants"/>: the typo lookup)
/// and under each of its beginnings of three letters or more (the lookup of an unfinished word). A typed word
/// finds every indexed word it may mean by looking up itself and its own deletions: equality seeks only,
/// which every engine and collation serves from the primary key. The row with <c>Variant == Word</c> says the
/// word is in the vocabulary. Rows are only ever added: a word no customer uses any more finds nobody.
/// </summary>
public sealed class SearchWordVariant
{
    public SearchWordVariant(string variant, string word)
    {
        Variant = variant;
        Word = word;
    }

    public string Variant { get; private set; }

    public string Word { get; private set; }
}
