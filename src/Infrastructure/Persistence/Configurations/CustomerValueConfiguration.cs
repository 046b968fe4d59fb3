using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerValueConfiguration : IEntityTypeConfiguration<CustomerValue>
{
    public void Configure(EntityTypeBuilder<CustomerValue> builder)
    {
        builder.ToTable("CustomerValues");
        builder.HasKey(v => v.CustomerId);
        builder.Property(v => v.CustomerId).ValueGeneratedNever();
        builder.Property(v => v.Tier).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Value12Months).HasPrecision(18, 2);
        builder.Property(v => v.ReportingCurrency).HasMaxLength(3).IsFixedLength().IsRequired();
        builder.HasOne<Customer>().WithOne().HasForeignKey<CustomerValue>(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.Tier);
        builder.HasVersion();
    }
}
