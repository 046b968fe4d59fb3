using System.Globalization;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Cli;

/// <summary>The kinds of query people type to name a customer, in the proportions <see cref="ResolutionQueryMix"/> draws them.</summary>
public enum ResolutionQueryKind
{
    Email,
    Phone,
    FullName,
    NameWithTypos,
    NameAndCompany,
    PartialName,
}

/// <summary>A query and the customer it was made from.</summary>
public sealed record ResolutionQuery(ResolutionQueryKind Kind, string Text, CustomerId Expected);

/// <summary>
/// Turns sampled customers into a realistic, repeatable mix of queries: an exact e-mail, a phone number, the
/// full name, the name with one or two typing slips, "name, company", and a partial name (first name and the
/// start of the last word). The same seed and customers give the same queries.
/// </summary>
public sealed class ResolutionQueryMix(int randomSeed)
{
    private const string Keyboard = "abcdefghijklmnopqrstuvwxyz";
    private readonly Random _random = new(randomSeed);

    public ResolutionQuery For(Customer customer, int index)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var kind = (ResolutionQueryKind)(index % 6);
        var text = kind switch
        {
            ResolutionQueryKind.Email => customer.FirstIdentity(IdentityKind.Email),
            ResolutionQueryKind.Phone => customer.FirstIdentity(IdentityKind.Phone),
            ResolutionQueryKind.NameWithTypos => WithSlips(customer.DisplayName),
            ResolutionQueryKind.NameAndCompany => customer.Company is { } company ? $"{customer.DisplayName}, {company}" : null,
            ResolutionQueryKind.PartialName => Partial(customer.DisplayName),
            _ => null,
        };
        // A customer without the handle or company the kind needs is looked up by its full name instead.
        return text is null
            ? new ResolutionQuery(ResolutionQueryKind.FullName, customer.DisplayName, customer.Id)
            : new ResolutionQuery(kind, text, customer.Id);
    }

    /// <summary>One slip in a word of five or more letters, two in one of eight or more: a letter changed or two swapped.</summary>
    private string WithSlips(string name)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5).ToList();
        if (candidates.Count == 0)
            return name;
        var w = candidates[_random.Next(candidates.Count)];
        var letters = words[w].ToCharArray();
        var slips = letters.Length >= 8 ? 2 : 1;
        for (var s = 0; s < slips; s++)
        {
            var at = 1 + _random.Next(letters.Length - 2);
            if (_random.Next(2) == 0)
                (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
            else
                letters[at] = Keyboard[_random.Next(Keyboard.Length)];
        }
        words[w] = new string(letters);
        return string.Join(' ', words);
    }

    private static string Partial(string name)
    {
        var words = name.Split(' ');
        var last = words[^1];
        return words.Length == 1 || last.Length < 5
            ? name
            : string.Create(CultureInfo.InvariantCulture, $"{words[0]} {last[..4]}");
    }
}
