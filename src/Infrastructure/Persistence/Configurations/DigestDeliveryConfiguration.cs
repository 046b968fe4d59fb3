using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.ToTable("DigestDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.PeriodKey).HasMaxLength(DigestDelivery.MaxPeriodKeyLength).IsRequired();
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Failure).HasMaxLength(DigestDelivery.MaxFailureLength);
        // The claim: one digest per manager and period, whichever instance gets there first.
        builder.HasIndex(d => new { d.ManagerId, d.PeriodKey }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}
