using ChatCrm.Domain.Customers;
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
        ArgumentNullException.ThrowIfNull(changeTracker);
        MarkCustomersWhoseHandlesChanged(changeTracker);
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

    /// <summary>
    /// A customer's handles are part of the customer: a handle added, changed or removed counts as a change of the
    /// customer, so its version moves too — an ETag or a form read before the change is stale after it, and two
    /// writers racing on one customer's handles conflict instead of both winning. Only the version is written.
    /// </summary>
    private static void MarkCustomersWhoseHandlesChanged(ChangeTracker changeTracker)
    {
        var changed = changeTracker.Entries<CustomerIdentity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.CustomerId)
            .ToHashSet();
        if (changed.Count == 0)
            return;
        foreach (var customer in changeTracker.Entries<Customer>())
        {
            if (customer.State == EntityState.Unchanged && changed.Contains(customer.Entity.Id))
                customer.Property(PropertyName).IsModified = true;
        }
    }
}
