using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerSearchTermConfiguration : IEntityTypeConfiguration<CustomerSearchTerm>
{
    public void Configure(EntityTypeBuilder<CustomerSearchTerm> builder)
    {
        builder.ToTable("CustomerSearchTerms");
        // Word first: a lookup is a seek on the word, reading only the ids of its customers.
        builder.HasKey(t => new { t.Word, t.CustomerId });
        builder.Property(t => t.Word).HasMaxLength(IndexedWords.MaxLength).IsRequired();
        // Deleting a customer deletes its terms in the database, whether or not they were loaded. The foreign
        // key's index on CustomerId serves re-indexing one customer and the start-up backfill's anti-join.
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.CustomerId);
        builder.HasVersion();
    }
}
