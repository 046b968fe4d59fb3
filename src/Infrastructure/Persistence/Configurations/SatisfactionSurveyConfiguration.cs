using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Infrastructure.Persistence.Configurations;

internal sealed class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> builder)
    {
        builder.ToTable("SatisfactionSurveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CaseId).HasConversion(id => id.Value, value => new SupportCaseId(value));
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.NotSentReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.Comment).HasMaxLength(SatisfactionSurvey.MaxCommentLength);
        // One survey per resolution of a case: a second instance or a retry that queues it again collides instead.
        builder.HasIndex(s => new { s.CaseId, s.ResolutionSequence }).IsUnique();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        // The KPIs count the surveys e-mailed in a period.
        builder.HasIndex(s => s.SentAt);
        builder.HasOne<SupportCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.ResolvedBy).OnDelete(DeleteBehavior.Restrict);
        // Answering checks the version it was read with: of two submissions of one link (on one instance or two) only one counts.
        builder.HasVersion();
    }
}
