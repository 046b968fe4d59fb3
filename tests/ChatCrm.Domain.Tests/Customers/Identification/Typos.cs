using FsCheck;
using FsCheck.Fluent;

namespace ChatCrm.Domain.Tests.Customers.Identification;

/// <summary>Generators of words and of the same words with typing slips, for property tests.</summary>
internal static class Typos
{
    private const string Letters = "aeinoruzlm";

    public static Gen<string> Word(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from letters in Gen.Elements(Letters.ToCharArray()).ArrayOf(length)
        select new string(letters);

    /// <summary>A word and the same word after up to <paramref name="maxSlips"/> slips (a letter dropped, added, changed, or two swapped).</summary>
    public static Arbitrary<(string Word, string Slipped)> WordWithSlips(int maxSlips) =>
        (from word in Word(1, 10)
         from slips in Gen.Choose(0, maxSlips)
         from slipped in Slip(word, slips)
         select (word, slipped)).ToArbitrary();

    private static Gen<string> Slip(string word, int slips)
    {
        if (slips == 0)
            return Gen.Constant(word);
        return from kind in Gen.Choose(0, 3)
               from position in Gen.Choose(0, Math.Max(0, word.Length - 1))
               from letter in Gen.Elements(Letters.ToCharArray())
               from rest in Slip(Apply(word, kind, position, letter), slips - 1)
               select rest;
    }

    private static string Apply(string word, int kind, int position, char letter) => kind switch
    {
        0 when word.Length > 1 => word.Remove(position, 1),
        1 => word.Insert(position, letter.ToString()),
        2 => string.Concat(word.AsSpan(0, position), letter.ToString(), word.AsSpan(position + 1)),
        3 when position + 1 < word.Length => string.Concat(word.AsSpan(0, position), word[position + 1].ToString(), word[position].ToString(), word.AsSpan(position + 2)),
        _ => word,
    };
}
