using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OfferPresentationConfiguration : IEntityTypeConfiguration<OfferPresentation>
{
    public void Configure(EntityTypeBuilder<OfferPresentation> builder)
    {
        builder.ToTable("OfferPresentations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever().HasConversion(id => id.Value, value => new OfferPresentationId(value));
        builder.Property(p => p.ChatChannel).HasMaxLength(OfferPresentation.MaxChatChannelLength).IsRequired();
        builder.Property(p => p.RankedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Response).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Offer>().WithMany().HasForeignKey(p => p.OfferId).OnDelete(DeleteBehavior.Restrict);
        // The eligibility rules read one customer's history; training reads the answered ones in time order.
        builder.HasIndex(p => new { p.CustomerId, p.OfferId, p.AnsweredAt });
        builder.HasIndex(p => p.AnsweredAt);
        // The offers a team was shown in a period (the digest): a range per rep.
        builder.HasIndex(p => new { p.PresentedTo, p.PresentedAt });
        builder.HasVersion();
    }
}
