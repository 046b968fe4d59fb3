using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.DisplayName).HasMaxLength(User.MaxNameLength).IsRequired();
        builder.Property(u => u.Team).HasMaxLength(100);
        builder.Property(u => u.TeamsAadObjectId).HasMaxLength(100);
        builder.Property(u => u.SlackUserKey).HasMaxLength(SlackUserKey.MaxLength);
        builder.Property(u => u.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Locale).HasMaxLength(16).IsRequired();
        builder.Property(u => u.TimeZoneSource).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PreferenceSource.Directory);
        builder.Property(u => u.LocaleSource).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PreferenceSource.Directory);
        builder.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        builder.Property(u => u.DeactivatedAt);
        builder.Ignore(u => u.IsActive);
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.TeamsAadObjectId).IsUnique();
        builder.HasIndex(u => u.SlackUserKey).IsUnique();
        // Not unique: two people may share an address (a team mailbox); linking then refuses rather than guess.
        builder.HasIndex(u => u.Email);
        builder.Property(u => u.ExternalId).HasMaxLength(User.MaxExternalIdLength);
        builder.HasIndex(u => u.ExternalId).IsUnique();
        builder.HasVersion();
    }
}
