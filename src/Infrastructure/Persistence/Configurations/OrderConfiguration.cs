using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("Orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.ProductCode).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Amount).HasPrecision(18, 2);
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength().IsRequired();
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        builder.Property(o => o.ExternalId).HasMaxLength(200);
        builder.Property(o => o.Category).HasMaxLength(Order.MaxCategoryLength);
        // An import (or an API call) upserts by the source system's id: one order per external id.
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasVersion();
    }
}
