using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Infrastructure.Persistence.Conversion;

/// <summary>
/// SQLite has no timestamp-with-offset or decimal type it can sort or sum. Timestamps are stored as UTC ticks
/// (sortable integers) and money as integer minor units (cents), so ordering and sums run in the database.
/// </summary>
internal static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<decimal>().HaveConversion<MinorUnitsConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    private sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
        value => (long)decimal.Round(value * 100m, 0, MidpointRounding.ToEven),
        cents => cents / 100m);
}
