using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerMergeRecordConfiguration : IEntityTypeConfiguration<CustomerMergeRecord>
{
    public void Configure(EntityTypeBuilder<CustomerMergeRecord> builder)
    {
        builder.ToTable("CustomerMerges");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MergedName).HasMaxLength(Customer.MaxNameLength).IsRequired();
        builder.Property(m => m.Explanation).HasMaxLength(8000).IsRequired();
        builder.Ignore(m => m.ExplanationLines);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.MergedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId).IsUnique();
        builder.HasVersion();
    }
}
