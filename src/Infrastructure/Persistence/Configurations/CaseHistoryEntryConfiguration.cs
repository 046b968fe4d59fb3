using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CaseHistoryEntryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> builder)
    {
        builder.ToTable("CaseHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.CaseId).HasConversion(id => id.Value, value => new SupportCaseId(value));
        builder.Property(h => h.Change).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.From).HasMaxLength(CaseHistoryEntry.MaxValueLength);
        builder.Property(h => h.To).HasMaxLength(CaseHistoryEntry.MaxValueLength);
        builder.HasOne<User>().WithMany().HasForeignKey(h => h.By).OnDelete(DeleteBehavior.Restrict);
        // One sequence number per step of a case: two instances recording the same step collide instead of interleaving.
        builder.HasIndex(h => new { h.CaseId, h.Sequence }).IsUnique();
        builder.HasVersion();
    }
}
