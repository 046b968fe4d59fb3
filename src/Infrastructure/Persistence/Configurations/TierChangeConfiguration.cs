using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> builder)
    {
        builder.ToTable("TierChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever().HasConversion(id => id.Value, value => new TierChangeId(value));
        builder.Property(c => c.FromTier).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ToTier).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Value).HasPrecision(18, 2);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength().IsRequired();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ChangedAt);
        builder.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        builder.HasVersion();
    }
}
