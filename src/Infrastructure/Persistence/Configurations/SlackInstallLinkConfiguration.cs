using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SlackInstallLinkConfiguration : IEntityTypeConfiguration<SlackInstallLinkRecord>
{
    public void Configure(EntityTypeBuilder<SlackInstallLinkRecord> builder)
    {
        builder.ToTable("SlackInstallLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.TeamId).HasMaxLength(SlackInstallationRecord.MaxIdLength);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.IssuedBy).OnDelete(DeleteBehavior.Restrict);
        // Spending a link checks the version it was read with: two callbacks at the same moment give one install.
        builder.HasVersion();
    }
}
