using System.Text;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers.Identification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Customers.Identification;

/// <summary>However a person types a name (case, accents, spacing), the same customers come back in the same way.</summary>
public sealed class IdentificationPropertyTests
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    private static readonly string[] Queries =
    [
        "María Núñez, Acme", "maria nunez", "Mario Nuñez Castaño", "marina", "núñez", "John Smith", "smith, contoso",
        "Jon Smyth", "Mario Nunes", "jhon smiht", "penal", "Marina Núñez Madrid", "Acme Ibérica",
    ];

    private static readonly Dictionary<char, char[]> Accented = new()
    {
        ['a'] = ['á', 'à', 'ä', 'â'],
        ['e'] = ['é', 'è', 'ë'],
        ['i'] = ['í', 'ï'],
        ['o'] = ['ó', 'ö', 'ò'],
        ['u'] = ['ú', 'ü'],
        ['n'] = ['ñ'],
        ['c'] = ['ç'],
    };

    /// <summary>One of the queries, retyped: every letter's case flipped or not, accents taken off or put on, spaces doubled or added.</summary>
    private static Arbitrary<(string Query, string Retyped)> Retyped() =>
        (from query in Gen.Elements(Queries)
         from choices in Gen.Choose(0, 99).ArrayOf(query.Length)
         select (query, Retype(query, choices))).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Decide_CaseAccentsAndSpacing_DoNotChangeTheAnswer() =>
        Prop.ForAll(Retyped(), pair =>
        {
            var expected = Describe(CustomerIdentificationTests.Decide(pair.Query, CustomerIdentificationTests.Everyone));
            var actual = Describe(CustomerIdentificationTests.Decide(pair.Retyped, CustomerIdentificationTests.Everyone));
            return (expected == actual).Label($"\"{pair.Retyped}\": {actual} instead of {expected}");
        });

    [Property]
    public Property Parse_CaseAccentsAndSpacing_GiveTheSameWords() =>
        Prop.ForAll(Retyped(), pair =>
        {
            var original = CustomerQuery.Parse(pair.Query, Spain);
            var retyped = CustomerQuery.Parse(pair.Retyped, Spain);
            return original.NameWords.SequenceEqual(retyped.NameWords) && original.CompanyWords.SequenceEqual(retyped.CompanyWords);
        });

    private static string Retype(string query, int[] choices)
    {
        var source = choices[0] % 2 == 0 ? query : WithoutAccents(query);
        var text = new StringBuilder(" ");
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var choice = choices[Math.Min(i, choices.Length - 1)];
            if (c == ' ')
            {
                text.Append(choice % 3 == 0 ? "   " : choice % 3 == 1 ? "\t " : " ");
                continue;
            }
            if (choice % 4 == 0 && Accented.TryGetValue(char.ToLowerInvariant(c), out var marks))
                c = marks[choice % marks.Length];
            text.Append(choice % 5 < 2 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.Append("  ").ToString();
    }

    /// <summary>The query without accents (as folded), keeping its commas where they were.</summary>
    private static string WithoutAccents(string query) =>
        string.Join(", ", query.Split(',').Select(SearchText.Fold));

    private static string Describe(IdentificationDecision decision) => decision switch
    {
        IdentificationDecision.Exact exact => $"exact {exact.Match.Customer.DisplayName} {exact.Match.Percent}%",
        IdentificationDecision.Candidates candidates => "candidates " + string.Join("; ", candidates.Ranked.Select(c => $"{c.Customer.DisplayName} {c.Percent}%")),
        _ => "none",
    };
}
