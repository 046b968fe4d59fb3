using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerNeedConfiguration : IEntityTypeConfiguration<CustomerNeed>
{
    public void Configure(EntityTypeBuilder<CustomerNeed> builder)
    {
        builder.ToTable("CustomerNeeds");
        builder.HasKey(n => new { n.CustomerId, n.Category });
        // As long as a catalog category (Offer.Category).
        builder.Property(n => n.Category).HasMaxLength(60).IsRequired();
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.Category, n.CustomerId });
        builder.HasVersion();
    }
}
