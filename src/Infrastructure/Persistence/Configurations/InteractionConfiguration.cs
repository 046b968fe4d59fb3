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
        builder.Property(i => i.State).HasDefaultValue(InteractionState.Current);
        // Amended and withdrawn versions stay on record but count nowhere: every query sees current ones only, unless
        // it says otherwise (the customer's export, erasure and merging reach every version).
        builder.HasQueryFilter(i => i.State == InteractionState.Current);
        // "The last conversation" is the newest interaction of one customer, newest recorded first among those that
        // occurred at the same time: one index seek that reads the rows already in order. The same key answers "is
        // there a newer interaction?" (the follow-up rule) from the index alone.
        builder.HasIndex(i => new { i.CustomerId, i.OccurredAt, i.RecordedAt });
        builder.HasIndex(i => new { i.LoggedBy, i.FollowUpOn });
        // "My follow-ups" (the Home page): the promises a person answers for, by date, whoever logged them. No foreign key:
        // users are never deleted, and on SQLite adding one would rebuild the whole table outside a transaction.
        builder.HasIndex(i => new { i.FollowUpOwner, i.FollowUpOn });
        // A team's activity in a period (the digest): a range per rep, counted by channel without reading the rows.
        builder.HasIndex(i => new { i.LoggedBy, i.RecordedAt, i.Channel });
        // Overdue follow-ups: only interactions that set one are indexed (most do not), by date, carrying what the
        // "no newer interaction" check needs, so the digest reads this small index instead of every interaction.
        builder.HasIndex(i => new { i.FollowUpOn, i.CustomerId, i.OccurredAt, i.RecordedAt })
            .HasDatabaseName("IX_Interactions_OpenFollowUps")
            .HasFilter("\"FollowUpOn\" IS NOT NULL AND \"State\" = 0");
        builder.HasVersion();
    }
}
