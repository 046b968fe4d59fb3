using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> builder)
    {
        builder.ToTable("ErasureRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.Status, r.DueBy });
        builder.HasIndex(r => r.CustomerId);
        builder.Property(r => r.StatusTokenHash).HasMaxLength(ErasureRequest.StatusTokenHashLength);
        builder.HasIndex(r => r.StatusTokenHash).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.DoneBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}
