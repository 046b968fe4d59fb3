using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// A portable optimistic-concurrency token: a <c>Version</c> column (shadow property, so the domain does not
/// carry it) that every update increments and checks. It works the same on SQLite, PostgreSQL and SQL Server.
/// </summary>
internal static class ConcurrencyVersion
{
    public const string PropertyName = "Version";

    public static void HasVersion<TEntity>(this EntityTypeBuilder<TEntity> builder) where TEntity : class =>
        builder.Property<long>(PropertyName).IsConcurrencyToken().HasDefaultValue(0L);

    public static void BumpModified(ChangeTracker changeTracker)
    {
        foreach (var entry in changeTracker.Entries())
        {
            if (entry.State != EntityState.Modified)
                continue;
            var version = entry.Metadata.FindProperty(PropertyName);
            if (version is null)
                continue;
            var property = entry.Property(PropertyName);
            property.CurrentValue = (long)(property.OriginalValue ?? 0L) + 1;
        }
    }
}
