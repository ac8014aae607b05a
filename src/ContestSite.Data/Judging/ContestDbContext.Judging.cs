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
    public DbSet<ResultsPublication> ResultsPublications => Set<ResultsPublication>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<ReviewReopening> ReviewReopenings => Set<ReviewReopening>();
    public DbSet<JudgeNotice> JudgeNotices => Set<JudgeNotice>();
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
        conflict.Property(c => c.RaisedByUserId).HasMaxLength(450);
        conflict.Property(c => c.DecidedByUserId).HasMaxLength(450);
        conflict.Property(c => c.Decision).HasMaxLength(500);
        conflict.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        conflict.HasIndex(c => c.Status);
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
        review.Property(r => r.ExcludedByUserId).HasMaxLength(450);
        review.Property(r => r.ExclusionReason).HasMaxLength(500);
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

internal sealed class ResultsPublicationConfiguration : IEntityTypeConfiguration<ResultsPublication>
{
    public void Configure(EntityTypeBuilder<ResultsPublication> publication)
    {
        // One version number per round: of two organizers publishing at the same moment, one insert fails.
        publication.HasIndex(p => new { p.RoundId, p.Version }).IsUnique();
        publication.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        publication.Property(p => p.PublishedByUserId).HasMaxLength(450);
        publication.Property(p => p.FinalisedByUserId).HasMaxLength(450);
        publication.Property(p => p.CorrectionReason).HasMaxLength(1000);
        publication.Property(p => p.ChangeSummary).HasMaxLength(4000);
        publication.Property(p => p.EndedReason).HasMaxLength(1000);
        publication.Ignore(p => p.IsCurrent);
        publication.HasOne<Round>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.Property(o => o.RaisedByUserId).HasMaxLength(450);
        objection.Property(o => o.Reason).HasMaxLength(2000);
        objection.Property(o => o.AttachmentFileName).HasMaxLength(255);
        objection.Property(o => o.AttachmentContentType).HasMaxLength(100);
        objection.Property(o => o.AttachmentStorageKey).HasMaxLength(200);
        objection.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        objection.Property(o => o.Answer).HasMaxLength(4000);
        objection.Property(o => o.AnsweredByUserId).HasMaxLength(450);
        objection.Property(o => o.Concurrency).IsConcurrencyToken();
        objection.HasIndex(o => new { o.RoundId, o.Status });
        objection.HasIndex(o => o.TeamId);
        objection.HasOne<Round>().WithMany().HasForeignKey(o => o.RoundId).OnDelete(DeleteBehavior.Restrict);
        objection.HasOne<ResultsPublication>().WithMany().HasForeignKey(o => o.PublicationId).OnDelete(DeleteBehavior.Restrict);
        objection.HasOne<Submission>().WithMany().HasForeignKey(o => o.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        objection.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.Restrict);
        objection.HasOne<SiteUser>().WithMany().HasForeignKey(o => o.RaisedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.Property(c => c.Code).HasMaxLength(32);
        certificate.HasIndex(c => c.Code).IsUnique();
        // One certificate per award; a revoked one stays, so a reissue is a new award decision, not a new row here.
        certificate.HasIndex(c => c.AwardId).IsUnique();
        certificate.HasIndex(c => c.TeamId);
        certificate.Property(c => c.ContestName).HasMaxLength(200);
        certificate.Property(c => c.RoundName).HasMaxLength(100);
        certificate.Property(c => c.TeamName).HasMaxLength(100);
        certificate.Property(c => c.EntryTitle).HasMaxLength(200);
        certificate.Property(c => c.AwardName).HasMaxLength(100);
        certificate.Property(c => c.MemberNames).HasMaxLength(1000);
        certificate.Property(c => c.RevokedReason).HasMaxLength(500);
        certificate.HasOne<Award>().WithMany().HasForeignKey(c => c.AwardId).OnDelete(DeleteBehavior.Restrict);
        certificate.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewReopeningConfiguration : IEntityTypeConfiguration<ReviewReopening>
{
    public void Configure(EntityTypeBuilder<ReviewReopening> reopening)
    {
        reopening.Property(r => r.Reason).HasMaxLength(1000);
        reopening.Property(r => r.OpenedByUserId).HasMaxLength(450);
        reopening.HasIndex(r => new { r.RoundId, r.SubmissionId });
        reopening.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        reopening.HasOne<Submission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JudgeNoticeConfiguration : IEntityTypeConfiguration<JudgeNotice>
{
    public void Configure(EntityTypeBuilder<JudgeNotice> notice)
    {
        notice.Property(n => n.JudgeUserId).HasMaxLength(450);
        notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        // The claim: one mail of a kind per judge, round and deadline, whichever node inserts first.
        notice.HasIndex(n => new { n.RoundId, n.JudgeUserId, n.Kind, n.Deadline }).IsUnique();
        notice.HasOne<SiteUser>().WithMany().HasForeignKey(n => n.JudgeUserId).OnDelete(DeleteBehavior.Cascade);
        notice.HasOne<Round>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
