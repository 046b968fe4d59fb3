using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> builder)
    {
        builder.ToTable("DigestSubscriptions");
        builder.HasKey(s => s.ManagerId);
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
        builder.Ignore(s => s.Schedule);
        builder.HasOne<User>().WithOne().HasForeignKey<DigestSubscription>(s => s.ManagerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}
