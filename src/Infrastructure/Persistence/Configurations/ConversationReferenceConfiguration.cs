using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(r => r.ConversationKey);
        builder.Property(r => r.ConversationKey).HasMaxLength(ConversationReferenceRecord.MaxKeyLength);
        builder.Property(r => r.ServiceUrl).HasMaxLength(ConversationReferenceRecord.MaxUrlLength);
        builder.Property(r => r.ConversationId).HasMaxLength(ConversationReferenceRecord.MaxKeyLength);
        builder.Property(r => r.ConversationType).HasMaxLength(20);
        builder.Property(r => r.TenantId).HasMaxLength(ConversationReferenceRecord.MaxIdLength);
        builder.Property(r => r.BotId).HasMaxLength(ConversationReferenceRecord.MaxIdLength);
        builder.Property(r => r.UserId).HasMaxLength(ConversationReferenceRecord.MaxIdLength);
        builder.Property(r => r.AadObjectId).HasMaxLength(ConversationReferenceRecord.MaxIdLength);
        builder.Property(r => r.RetiredReason).HasMaxLength(ConversationReferenceRecord.MaxReasonLength);
        builder.Ignore(r => r.IsUsable);
        // Digests look up the usable references of a person.
        builder.HasIndex(r => r.AadObjectId);
        builder.HasVersion();
    }
}
