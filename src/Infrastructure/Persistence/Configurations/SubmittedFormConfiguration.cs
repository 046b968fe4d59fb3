using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SubmittedFormConfiguration : IEntityTypeConfiguration<SubmittedFormRecord>
{
    public void Configure(EntityTypeBuilder<SubmittedFormRecord> builder)
    {
        builder.ToTable("SubmittedForms");
        // The form id is the key: the unique constraint that makes storing a form idempotent.
        builder.HasKey(f => f.FormId);
        builder.Property(f => f.FormId).ValueGeneratedNever();
        builder.HasOne<Interaction>().WithMany().HasForeignKey(f => f.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.SubmittedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}
