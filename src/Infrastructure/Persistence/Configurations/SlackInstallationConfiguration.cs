using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SlackInstallationConfiguration : IEntityTypeConfiguration<SlackInstallationRecord>
{
    public void Configure(EntityTypeBuilder<SlackInstallationRecord> builder)
    {
        builder.ToTable("SlackInstallations");
        builder.HasKey(r => r.TeamId);
        builder.Property(r => r.TeamId).HasMaxLength(SlackInstallationRecord.MaxIdLength);
        builder.Property(r => r.EnterpriseId).HasMaxLength(SlackInstallationRecord.MaxIdLength);
        builder.Property(r => r.AppId).HasMaxLength(SlackInstallationRecord.MaxIdLength);
        builder.Property(r => r.BotUserId).HasMaxLength(SlackInstallationRecord.MaxIdLength);
        builder.Property(r => r.Scopes).HasMaxLength(SlackInstallationRecord.MaxScopesLength);
        builder.Property(r => r.ProtectedBotToken).HasMaxLength(SlackInstallationRecord.MaxProtectedTokenLength);
        builder.Property(r => r.ProtectedRefreshToken).HasMaxLength(SlackInstallationRecord.MaxProtectedTokenLength);
        builder.Property(r => r.RetiredReason).HasMaxLength(SlackInstallationRecord.MaxReasonLength);
        builder.Ignore(r => r.IsUsable);
        builder.HasIndex(r => r.EnterpriseId);
        builder.HasVersion();
    }
}
