using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerSearchPairConfiguration : IEntityTypeConfiguration<CustomerSearchPair>
{
    public void Configure(EntityTypeBuilder<CustomerSearchPair> builder)
    {
        builder.ToTable("CustomerSearchPairs");
        // Both words first: a lookup seeks each (first, second) combination and reads only the ids of its customers.
        builder.HasKey(p => new { p.First, p.Second, p.CustomerId });
        builder.Property(p => p.First).HasMaxLength(IndexedWords.MaxLength).IsRequired();
        builder.Property(p => p.Second).HasMaxLength(IndexedWords.MaxLength).IsRequired();
        // As for the word index: a deleted customer's pairs go by the cascade, and the index on CustomerId serves
        // re-indexing one customer and the backfill's anti-join.
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CustomerId);
        builder.HasVersion();
    }
}
