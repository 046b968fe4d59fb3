using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Scheduling;

/// <summary>Declares the columns of one Quartz table by what they hold, so the table list reads like a schema.</summary>
internal sealed class QuartzTable(EntityTypeBuilder<Dictionary<string, object>> builder)
{
    public EntityTypeBuilder<Dictionary<string, object>> Builder { get; } = builder;

    /// <summary>A string; <paramref name="maxLength"/> null for unbounded text.</summary>
    public QuartzTable Text(string column, int? maxLength, bool required = false)
    {
        var property = Builder.IndexerProperty<string>(column).IsRequired(required);
        if (maxLength is { } max)
            property.HasMaxLength(max);
        return this;
    }

    /// <summary>A point in time or a duration as ticks, or a count Quartz keeps as a 64-bit number.</summary>
    public QuartzTable Moment(string column, bool required = false, long? defaultValue = null)
    {
        if (required)
        {
            var property = Builder.IndexerProperty<long>(column).IsRequired();
            if (defaultValue is { } value)
                property.HasDefaultValue(value);
        }
        else
        {
            Builder.IndexerProperty<long?>(column);
        }
        return this;
    }

    public QuartzTable Number(string column, bool required = false, int? defaultValue = null)
    {
        if (required)
        {
            var property = Builder.IndexerProperty<int>(column).IsRequired();
            if (defaultValue is { } value)
                property.HasDefaultValue(value);
        }
        else
        {
            Builder.IndexerProperty<int?>(column);
        }
        return this;
    }

    /// <summary>A required flag, with a database default when Quartz's insert may leave it out.</summary>
    public QuartzTable Flag(string column, bool? defaultValue = null)
    {
        var property = Builder.IndexerProperty<bool>(column).IsRequired();
        if (defaultValue is { } value)
            property.HasDefaultValue(value);
        return this;
    }

    public QuartzTable OptionalFlag(string column)
    {
        Builder.IndexerProperty<bool?>(column);
        return this;
    }

    public QuartzTable Amount(string column)
    {
        Builder.IndexerProperty<decimal?>(column).HasPrecision(13, 4);
        return this;
    }

    public QuartzTable Blob(string column, bool required = false)
    {
        Builder.IndexerProperty<byte[]>(column).IsRequired(required);
        return this;
    }

    public void Key(params string[] columns) => Builder.HasKey(columns);

    public void Index(params string[] columns) => Builder.HasIndex(columns);
}
