using ChatCrm.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ClientId).HasMaxLength(IdempotencyRecord.MaxClientLength).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(32).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(300);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.Property(r => r.ResponseBody).IsRequired();
        // The claim: one request per client and key, whichever instance it reaches.
        builder.HasIndex(r => new { r.ClientId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasVersion();
    }
}
