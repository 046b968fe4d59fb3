using ChatCrm.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerIdentityConfiguration : IEntityTypeConfiguration<CustomerIdentity>
{
    public void Configure(EntityTypeBuilder<CustomerIdentity> builder)
    {
        builder.ToTable("CustomerIdentities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Value).HasMaxLength(200).IsRequired();
        // One handle belongs to one customer: the same e-mail on two customers is a duplicate to merge.
        builder.HasIndex(i => new { i.Kind, i.Value }).IsUnique();
        builder.HasIndex(i => i.CustomerId);
        builder.HasVersion();
    }
}
