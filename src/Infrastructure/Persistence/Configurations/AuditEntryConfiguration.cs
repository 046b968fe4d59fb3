using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Channel).HasMaxLength(20).IsRequired();
        // Stored by name ("Identity, ContactDetails") so an auditor can read the table without the code.
        builder.Property(a => a.Fields).HasConversion<string>().HasMaxLength(300).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(AuditEntry.MaxDetailsLength);
        builder.Property(a => a.Client).HasMaxLength(AuditEntry.MaxClientLength);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.Actor).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CustomerId, a.At });
        builder.HasIndex(a => new { a.Actor, a.At });
        builder.HasIndex(a => new { a.Client, a.At });
        builder.HasVersion();
    }
}
