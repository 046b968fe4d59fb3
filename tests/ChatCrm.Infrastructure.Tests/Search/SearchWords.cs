namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>Made-up words no other test uses, so tests sharing a database search among their own customers only.</summary>
internal static class SearchWords
{
    /// <summary>A pronounceable word of letters only (ids and digits are not words of a name), e.g. "zukabelori".</summary>
    public static string Unique()
    {
        const string consonants = "bdfgklmprstvz";
        const string vowels = "aeiou";
        var bytes = Guid.NewGuid().ToByteArray();
        var word = new char[10];
        for (var i = 0; i < word.Length; i++)
            word[i] = i % 2 == 0 ? consonants[bytes[i] % consonants.Length] : vowels[bytes[i] % vowels.Length];
        return new string(word);
    }
}
