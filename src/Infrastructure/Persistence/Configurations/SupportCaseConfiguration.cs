using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> builder)
    {
        builder.ToTable("SupportCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever().HasConversion(id => id.Value, value => new SupportCaseId(value));
        builder.Property(c => c.Number).HasMaxLength(16).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(SupportCase.MaxTitleLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(SupportCase.MaxDescriptionLength).IsRequired();
        builder.Property(c => c.WorkGroup).HasMaxLength(SupportCase.MaxWorkGroupLength).IsRequired();
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OpenedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AssignedTo).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        // "My open queue, overdue first" and "the customer's open cases": index seeks.
        builder.HasIndex(c => new { c.AssignedTo, c.Status, c.SlaDueAt });
        builder.HasIndex(c => new { c.CustomerId, c.Status });
        builder.HasVersion();
    }
}
