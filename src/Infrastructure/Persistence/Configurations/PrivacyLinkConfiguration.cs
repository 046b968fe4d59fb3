using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class PrivacyLinkConfiguration : IEntityTypeConfiguration<PrivacyLink>
{
    public void Configure(EntityTypeBuilder<PrivacyLink> builder)
    {
        builder.ToTable("PrivacyLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.CustomerId, l.IssuedAt });
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.SentBy).OnDelete(DeleteBehavior.Restrict);
        // Spending a link checks the version it was read with: two presses of one link open one session.
        builder.HasVersion();
    }
}
