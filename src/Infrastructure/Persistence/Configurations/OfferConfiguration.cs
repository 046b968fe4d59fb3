using ChatCrm.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("Offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.ProductCode).HasMaxLength(40).IsRequired();
        builder.Property(o => o.Name).HasMaxLength(120).IsRequired();
        builder.Property(o => o.Category).HasMaxLength(60).IsRequired();
        builder.Property(o => o.Pitch).HasMaxLength(500).IsRequired();
        builder.Property(o => o.PartnerCompany).HasMaxLength(Offer.MaxPartnerCompanyLength);
        builder.Property(o => o.MinimumTier).HasConversion<string>().HasMaxLength(20);
        builder.Property<string>("_countries").HasColumnName("Countries").HasMaxLength(400).IsRequired();
        builder.Property<string>("_triggers").HasColumnName("AnswersTriggers").HasMaxLength(200).IsRequired();
        builder.HasIndex(o => o.ProductCode).IsUnique();
        builder.HasVersion();
    }
}
