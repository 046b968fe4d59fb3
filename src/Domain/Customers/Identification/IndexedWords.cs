namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// The words a customer is found by: the distinct words of the folded name and company (the keys of
/// <see cref="Customer"/>), each at most <see cref="MaxLength"/> characters. A search index keeps exactly these.
/// </summary>
public static class IndexedWords
{
    /// <summary>Longer words are cut: an index key has a size, and no one types 64 letters to find a customer.</summary>
    public const int MaxLength = 64;

    public static IReadOnlySet<string> Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Of(customer.NameKey, customer.CompanyKey);
    }

    public static IReadOnlySet<string> Of(string? nameKey, string? companyKey)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in new[] { nameKey, companyKey })
        {
            if (string.IsNullOrEmpty(key))
                continue;
            foreach (var word in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                words.Add(Trim(word));
        }
        return words;
    }

    /// <summary>A typed word as it is looked up in the index (cut like the indexed words).</summary>
    public static string Trim(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length <= MaxLength ? word : word[..MaxLength];
    }
}
