using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Source).HasMaxLength(200).IsRequired();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CustomerId, c.Purpose, c.Channel, c.RecordedAt });
        builder.Property(c => c.ExternalId).HasMaxLength(200);
        // One statement per external id, so the same file or API call twice records it once.
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasVersion();
    }
}
