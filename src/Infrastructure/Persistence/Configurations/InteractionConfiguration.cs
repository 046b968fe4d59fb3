using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.ToTable("Interactions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Summary).HasMaxLength(Interaction.MaxSummaryLength).IsRequired();
        builder.Property(i => i.Outcome).HasMaxLength(Interaction.MaxOutcomeLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.LoggedBy).OnDelete(DeleteBehavior.Restrict);
        // "The last conversation" is the newest interaction of one customer: one index seek.
        builder.HasIndex(i => new { i.CustomerId, i.OccurredAt });
        builder.HasIndex(i => new { i.LoggedBy, i.FollowUpOn });
        builder.HasVersion();
    }
}
