using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.DisplayName).HasMaxLength(Customer.MaxNameLength).IsRequired();
        builder.Property(c => c.Company).HasMaxLength(Customer.MaxCompanyLength);
        builder.Property(c => c.NameKey).HasMaxLength(Customer.MaxNameLength).IsRequired();
        builder.Property(c => c.CompanyKey).HasMaxLength(Customer.MaxCompanyLength).IsRequired();
        builder.Property(c => c.Country).IsRequired();
        builder.Property(c => c.PreferredLanguage).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.OwnerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.NameKey);
        builder.HasIndex(c => c.CompanyKey);

        builder.HasMany(c => c.Identities)
            .WithOne()
            .HasForeignKey(i => i.CustomerId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Identities).HasField("_identities").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasVersion();
    }
}
