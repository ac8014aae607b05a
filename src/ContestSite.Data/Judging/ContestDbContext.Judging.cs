using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<JudgeProfile> JudgeProfiles => Set<JudgeProfile>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<CriterionScore> CriterionScores => Set<CriterionScore>();
    public DbSet<Advancement> Advancements => Set<Advancement>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<RoundJudgingSettings> RoundJudgingSettings => Set<RoundJudgingSettings>();
}

internal sealed class JudgeProfileConfiguration : IEntityTypeConfiguration<JudgeProfile>
{
    public void Configure(EntityTypeBuilder<JudgeProfile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.UserId).HasMaxLength(450);
        profile.Property(p => p.Organization).HasMaxLength(200);
        profile.Property(p => p.ExpertiseTags).HasMaxLength(500);
        profile.Ignore(p => p.Tags);
        profile.HasOne<SiteUser>().WithOne().HasForeignKey<JudgeProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> conflict)
    {
        conflict.Property(c => c.JudgeUserId).HasMaxLength(450);
        conflict.Property(c => c.Reason).HasMaxLength(500);
        conflict.HasIndex(c => new { c.JudgeUserId, c.SubmissionId }).IsUnique();
        conflict.HasIndex(c => c.SubmissionId);
        conflict.HasOne<SiteUser>().WithMany().HasForeignKey(c => c.JudgeUserId).OnDelete(DeleteBehavior.Cascade);
        conflict.HasOne<Submission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.Property(a => a.JudgeUserId).HasMaxLength(450);
        assignment.HasIndex(a => new { a.JudgeUserId, a.SubmissionId, a.RoundId }).IsUnique();
        assignment.HasIndex(a => new { a.RoundId, a.SubmissionId });
        assignment.HasOne<SiteUser>().WithMany().HasForeignKey(a => a.JudgeUserId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne(a => a.Review).WithOne().HasForeignKey<Review>(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        // One review per assignment, even when the same form is sent twice at once.
        review.HasIndex(r => r.AssignmentId).IsUnique();
        review.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.Comment).HasMaxLength(4000);
        review.Property(r => r.Total).HasPrecision(9, 4);
        review.Property(r => r.Concurrency).IsConcurrencyToken();
        review.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> score)
    {
        score.HasKey(s => new { s.ReviewId, s.CriterionId });
        score.Property(s => s.Value).HasPrecision(9, 3);
        score.HasOne<RubricCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdvancementConfiguration : IEntityTypeConfiguration<Advancement>
{
    public void Configure(EntityTypeBuilder<Advancement> advancement)
    {
        advancement.HasIndex(a => new { a.RoundId, a.SubmissionId }).IsUnique();
        advancement.HasIndex(a => new { a.NextRoundId, a.TeamId });
        advancement.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        advancement.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        advancement.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> award)
    {
        award.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        award.Property(a => a.Name).HasMaxLength(100);
        award.HasIndex(a => new { a.RoundId, a.SubmissionId, a.Name }).IsUnique();
        award.HasIndex(a => new { a.ContestId, a.PublishedAt });
        award.HasOne<Contest>().WithMany().HasForeignKey(a => a.ContestId).OnDelete(DeleteBehavior.Restrict);
        award.HasOne<Round>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        award.HasOne<Track>().WithMany().HasForeignKey(a => a.TrackId).OnDelete(DeleteBehavior.Restrict);
        award.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        award.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundJudgingSettingsConfiguration : IEntityTypeConfiguration<RoundJudgingSettings>
{
    public void Configure(EntityTypeBuilder<RoundJudgingSettings> settings)
    {
        settings.HasKey(s => s.RoundId);
        settings.Property(s => s.AdvanceSharePercent).HasPrecision(6, 2);
        settings.Property(s => s.DisagreementThreshold).HasPrecision(6, 2);
        settings.Property(s => s.Ranking).HasConversion<string>().HasMaxLength(20);
        settings.HasOne<Round>().WithOne().HasForeignKey<RoundJudgingSettings>(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
