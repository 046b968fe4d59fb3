using ChatCrm.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SlaAlertConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> builder)
    {
        builder.ToTable("SlaAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CaseId).HasConversion(id => id.Value, value => new SupportCaseId(value));
        builder.Property(a => a.Target).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Threshold).HasConversion<string>().HasMaxLength(20);
        // The claim: each alert once, whichever instance (or rerun) stores it first.
        builder.HasIndex(a => new { a.CaseId, a.Target, a.Threshold }).IsUnique();
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasVersion();
    }
}
