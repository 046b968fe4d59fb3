using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SearchWordVariantConfiguration : IEntityTypeConfiguration<SearchWordVariant>
{
    public void Configure(EntityTypeBuilder<SearchWordVariant> builder)
    {
        builder.ToTable("SearchWordVariants");
        builder.HasKey(v => new { v.Variant, v.Word });
        builder.Property(v => v.Variant).HasMaxLength(IndexedWords.MaxLength).IsRequired();
        builder.Property(v => v.Word).HasMaxLength(IndexedWords.MaxLength).IsRequired();
        builder.HasVersion();
    }
}
