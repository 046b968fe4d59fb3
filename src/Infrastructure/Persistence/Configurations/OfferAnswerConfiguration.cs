using ChatCrm.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OfferAnswerConfiguration : IEntityTypeConfiguration<OfferAnswer>
{
    public void Configure(EntityTypeBuilder<OfferAnswer> builder)
    {
        builder.ToTable("OfferAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PresentationId).HasConversion(id => id.Value, value => new OfferPresentationId(value));
        builder.Property(a => a.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Replaced).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<OfferPresentation>().WithMany().HasForeignKey(a => a.PresentationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PresentationId, a.AnsweredAt });
        builder.HasVersion();
    }
}
