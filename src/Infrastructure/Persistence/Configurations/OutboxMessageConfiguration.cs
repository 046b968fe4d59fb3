using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Channel).HasMaxLength(OutboxMessage.MaxChannelLength).IsRequired();
        builder.Property(m => m.OrderingKey).HasMaxLength(OutboxMessage.MaxOrderingKeyLength).IsRequired();
        builder.Property(m => m.Address).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LeaseOwner).HasMaxLength(OutboxMessage.MaxOwnerLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // The workers' question: the oldest pending messages.
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        // "Is an earlier message of this conversation still pending, or one being sent?", asked for each candidate.
        builder.HasIndex(m => new { m.OrderingKey, m.Status });
        builder.HasVersion();
    }
}
