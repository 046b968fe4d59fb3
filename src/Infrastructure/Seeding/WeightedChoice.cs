using Bogus;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>Picks one of a fixed set of items with fixed relative weights, in one draw of the randomizer.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, int Weight)> weighted)
    {
        var pairs = weighted.Where(p => p.Weight > 0).ToArray();
        if (pairs.Length == 0)
            throw new ArgumentException("At least one item needs a positive weight.", nameof(weighted));
        _items = [.. pairs.Select(p => p.Item)];
        _cumulative = new int[pairs.Length];
        var total = 0;
        for (var i = 0; i < pairs.Length; i++)
            _cumulative[i] = total += pairs[i].Weight;
    }

    public T Pick(Randomizer random)
    {
        var ticket = random.Number(1, _cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, ticket);
        return _items[index >= 0 ? index : ~index];
    }
}
