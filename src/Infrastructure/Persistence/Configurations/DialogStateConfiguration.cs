using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class DialogStateConfiguration : IEntityTypeConfiguration<DialogStateRecord>
{
    public void Configure(EntityTypeBuilder<DialogStateRecord> builder)
    {
        builder.ToTable("DialogStates");
        builder.HasKey(d => new { d.ConversationKey, d.UserKey });
        builder.Property(d => d.ConversationKey).HasMaxLength(DialogStateRecord.MaxKeyLength);
        builder.Property(d => d.UserKey).HasMaxLength(DialogStateRecord.MaxKeyLength);
        builder.Property(d => d.StateJson).IsRequired();
        builder.HasVersion();
    }
}
