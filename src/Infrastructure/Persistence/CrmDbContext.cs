using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence.Conversion;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// The one model of the CRM database. Each provider has a thin subclass (see <c>Providers/</c>) only so
/// that it can carry its own migrations; the model itself is defined here and in <c>Configurations/</c>.
/// Every table carries a <c>Version</c> concurrency token, bumped on each update, so several instances
/// can share the database without losing each other's writes.
/// </summary>
public abstract class CrmDbContext : DbContext, IDataProtectionKeyContext
{
    protected CrmDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerIdentity> CustomerIdentities => Set<CustomerIdentity>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CustomerMergeRecord> CustomerMerges => Set<CustomerMergeRecord>();

    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();

    /// <summary>ASP.NET Core Data Protection keys (for export links), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CustomerValue> CustomerValues => Set<CustomerValue>();

    public DbSet<TierChange> TierChanges => Set<TierChange>();

    public DbSet<CustomerNeed> CustomerNeeds => Set<CustomerNeed>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ConcurrencyVersion.BumpModified(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyVersion.BumpModified(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        StronglyTypedIdConventions.Apply(configurationBuilder);
        ConfigureProviderConventions(configurationBuilder);
    }

    /// <summary>Lets a provider store a type differently (SQLite cannot order timestamps with offsets, for example).</summary>
    protected virtual void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
