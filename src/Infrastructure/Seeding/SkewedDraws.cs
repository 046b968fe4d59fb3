using Bogus;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>The non-uniform draws the demo data needs, on top of Bogus's <see cref="Randomizer"/>.</summary>
internal static class SkewedDraws
{
    /// <summary>
    /// A Pareto (heavy-tailed) value of at least <paramref name="minimum"/>: with shape ≈ 1.16 about 20% of
    /// draws carry 80% of the total. Capped so one outlier cannot dwarf a whole data set.
    /// </summary>
    public static double Pareto(this Randomizer random, double minimum, double shape, double cap)
    {
        var uniform = 1.0 - random.Double(); // (0, 1]
        return Math.Min(cap, minimum / Math.Pow(uniform, 1.0 / shape));
    }

    /// <summary>A count of zero or more with the given mean and a long tail (geometric distribution).</summary>
    public static int Geometric(this Randomizer random, double mean)
    {
        var stopChance = 1.0 / (mean + 1.0);
        var uniform = 1.0 - random.Double();
        return (int)Math.Floor(Math.Log(uniform) / Math.Log(1.0 - stopChance));
    }

    /// <summary>A moment between two instants, a whole number of seconds after <paramref name="from"/>.</summary>
    public static DateTimeOffset Between(this Randomizer random, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from + TimeSpan.FromSeconds(Math.Floor(random.Double() * (to - from).TotalSeconds));
}
