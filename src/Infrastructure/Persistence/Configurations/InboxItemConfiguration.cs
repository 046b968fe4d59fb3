using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> builder)
    {
        builder.ToTable("InboxItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Channel).HasMaxLength(InboxItem.MaxChannelLength).IsRequired();
        builder.Property(i => i.Kind).HasMaxLength(InboxItem.MaxKindLength).IsRequired();
        builder.Property(i => i.DedupKey).HasMaxLength(InboxItem.MaxDedupKeyLength).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.OrderingKey).HasMaxLength(InboxItem.MaxDedupKeyLength);
        builder.Property(i => i.LeaseOwner).HasMaxLength(InboxItem.MaxOwnerLength);
        builder.Property(i => i.LastError).HasMaxLength(InboxItem.MaxErrorLength);
        // A platform's retry, or the same delivery reaching a second instance, collides here and is dropped.
        builder.HasIndex(i => new { i.Channel, i.DedupKey }).IsUnique();
        // The workers' question: the oldest pending items.
        builder.HasIndex(i => new { i.Status, i.ReceivedAt });
        // "Is an earlier turn of this conversation still waiting or running?", asked for each candidate.
        builder.HasIndex(i => new { i.OrderingKey, i.Status });
        builder.HasVersion();
    }
}
