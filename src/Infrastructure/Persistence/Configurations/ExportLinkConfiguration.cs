using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Privacy;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class ExportLinkConfiguration : IEntityTypeConfiguration<ExportLink>
{
    public void Configure(EntityTypeBuilder<ExportLink> builder)
    {
        builder.ToTable("ExportLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.RequestedBy).OnDelete(DeleteBehavior.Restrict);
        // Spending a link checks the version it was read with: two downloads at the same moment give one file.
        builder.HasVersion();
    }
}
