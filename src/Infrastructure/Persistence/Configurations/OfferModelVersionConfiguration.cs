using ChatCrm.Infrastructure.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class OfferModelVersionConfiguration : IEntityTypeConfiguration<OfferModelVersion>
{
    public void Configure(EntityTypeBuilder<OfferModelVersion> builder)
    {
        builder.ToTable("OfferModelVersions");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Model).IsRequired();
        builder.Property(m => m.AcceptanceShares).IsRequired();
        builder.HasIndex(m => m.TrainedAt);
        builder.HasVersion();
    }
}
