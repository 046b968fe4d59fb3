using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class QueuedOfferSuggestionConfiguration : IEntityTypeConfiguration<QueuedOfferSuggestion>
{
    public void Configure(EntityTypeBuilder<QueuedOfferSuggestion> builder)
    {
        builder.ToTable("QueuedOfferSuggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ReasonEnglish).HasMaxLength(QueuedOfferSuggestion.MaxReasonLength).IsRequired();
        builder.Property(s => s.ReasonSpanish).HasMaxLength(QueuedOfferSuggestion.MaxReasonLength).IsRequired();
        builder.Ignore(s => s.Reason);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CustomerId, s.Trigger }).IsUnique();
        builder.HasIndex(s => s.DismissedAt);
        builder.HasVersion();
    }
}
