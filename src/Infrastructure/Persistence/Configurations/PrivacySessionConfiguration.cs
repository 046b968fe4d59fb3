using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class PrivacySessionConfiguration : IEntityTypeConfiguration<PrivacySession>
{
    public void Configure(EntityTypeBuilder<PrivacySession> builder)
    {
        builder.ToTable("PrivacySessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}
