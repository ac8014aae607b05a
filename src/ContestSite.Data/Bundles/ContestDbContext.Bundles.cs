using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Bundle> Bundles => Set<Bundle>();
    public DbSet<BundleDataset> BundleDatasets => Set<BundleDataset>();
    public DbSet<FieldMaskingRule> FieldMaskingRules => Set<FieldMaskingRule>();
    public DbSet<AccessApplication> AccessApplications => Set<AccessApplication>();
    public DbSet<ExpertOpinion> ExpertOpinions => Set<ExpertOpinion>();
    public DbSet<DownloadRecord> DownloadRecords => Set<DownloadRecord>();
    public DbSet<RiskFlag> RiskFlags => Set<RiskFlag>();
    public DbSet<MaskingSecret> MaskingSecrets => Set<MaskingSecret>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementAcceptance> AgreementAcceptances => Set<AgreementAcceptance>();
    public DbSet<DataIncident> DataIncidents => Set<DataIncident>();
}

internal sealed class DataIncidentConfiguration : IEntityTypeConfiguration<DataIncident>
{
    public void Configure(EntityTypeBuilder<DataIncident> incident)
    {
        incident.Ignore(i => i.IsOpen);
        incident.Property(i => i.OpenScope).HasMaxLength(60);
        incident.Property(i => i.What).HasMaxLength(DataIncidentRules.MaxWhatLength);
        incident.Property(i => i.Reason).HasMaxLength(DataIncidentRules.MaxTextLength);
        incident.Property(i => i.StartedBy).HasMaxLength(450);
        incident.Property(i => i.LiftedBy).HasMaxLength(450);
        incident.Property(i => i.LiftReason).HasMaxLength(DataIncidentRules.MaxTextLength);
        // One open incident per scope: the second of two simultaneous stops of the same thing fails here and is told so.
        incident.HasIndex(i => i.OpenScope).IsUnique();
        incident.HasIndex(i => new { i.LiftedAt, i.DatasetId });
        incident.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> version)
    {
        version.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.Markdown).HasMaxLength(AgreementRules.MaxLength);
        version.Property(v => v.ChangeNote).HasMaxLength(AgreementRules.MaxNoteLength);
        version.Property(v => v.PublishedById).HasMaxLength(450);
        // Two organizers publishing at once cannot both become the same number.
        version.HasIndex(v => new { v.Kind, v.TrackId, v.Number }).IsUnique();
        version.HasData(new AgreementVersion
        {
            Id = 1, Kind = AgreementKind.DataUse, Number = 1, Markdown = AgreementRules.FirstDataUseAgreement,
            PublishedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}

internal sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> acceptance)
    {
        acceptance.Property(a => a.UserId).HasMaxLength(450);
        acceptance.HasIndex(a => new { a.AgreementVersionId, a.TeamId }).IsUnique();
        acceptance.HasOne<AgreementVersion>().WithMany().HasForeignKey(a => a.AgreementVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BundleConfiguration : IEntityTypeConfiguration<Bundle>
{
    public void Configure(EntityTypeBuilder<Bundle> bundle)
    {
        bundle.Property(b => b.Terms).HasMaxLength(BundleRules.MaxTermsLength);
        bundle.HasIndex(b => b.TrackId).IsUnique();
        bundle.HasOne<Track>().WithMany().HasForeignKey(b => b.TrackId).OnDelete(DeleteBehavior.Cascade);
        bundle.HasMany(b => b.Datasets).WithOne().HasForeignKey(d => d.BundleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BundleDatasetConfiguration : IEntityTypeConfiguration<BundleDataset>
{
    public void Configure(EntityTypeBuilder<BundleDataset> item)
    {
        item.HasIndex(d => new { d.BundleId, d.DatasetId }).IsUnique();
        item.HasOne<Dataset>().WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldMaskingRuleConfiguration : IEntityTypeConfiguration<FieldMaskingRule>
{
    public void Configure(EntityTypeBuilder<FieldMaskingRule> rule)
    {
        rule.Property(r => r.FieldName).HasMaxLength(200);
        rule.Property(r => r.Rule).HasMaxLength(50);
        rule.HasIndex(r => new { r.DatasetId, r.FieldName }).IsUnique();
        rule.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessApplicationConfiguration : IEntityTypeConfiguration<AccessApplication>
{
    public void Configure(EntityTypeBuilder<AccessApplication> application)
    {
        application.Property(a => a.ApplicantId).HasMaxLength(450);
        application.Property(a => a.Purpose).HasMaxLength(AccessApplicationRules.MaxTextLength);
        application.Property(a => a.Scenario).HasMaxLength(AccessApplicationRules.MaxTextLength);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.DeciderId).HasMaxLength(450);
        application.Property(a => a.DecisionNote).HasMaxLength(AccessApplicationRules.MaxTextLength);
        application.Property(a => a.SecurityAssessment).HasMaxLength(AccessApplicationRules.MaxTextLength);
        application.Property(a => a.Version).IsConcurrencyToken();
        application.HasIndex(a => new { a.TeamId, a.DatasetId });
        // One pending application per team and dataset, held by the database so two simultaneous submits cannot both
        // pass the check. Quoted identifier and string literal are valid in SQLite and PostgreSQL alike (Status is stored as text).
        application.HasIndex(a => new { a.TeamId, a.DatasetId }, "IX_AccessApplications_OnePending")
            .IsUnique().HasFilter($"\"Status\" = '{nameof(ApplicationStatus.Pending)}'");
        application.HasIndex(a => new { a.Status, a.SubmittedAt });
        // Applications are the record of who used restricted data: a team or dataset with them is not deleted.
        application.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<Dataset>().WithMany().HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<SiteUser>().WithMany().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<DataIncident>().WithMany().HasForeignKey(a => a.SuspendedByIncidentId).OnDelete(DeleteBehavior.Restrict);
        application.HasMany(a => a.Opinions).WithOne().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertOpinionConfiguration : IEntityTypeConfiguration<ExpertOpinion>
{
    public void Configure(EntityTypeBuilder<ExpertOpinion> opinion)
    {
        opinion.Property(o => o.JudgeId).HasMaxLength(450);
        opinion.Property(o => o.JudgeName).HasMaxLength(256);
        opinion.Property(o => o.Comment).HasMaxLength(AccessApplicationRules.MaxTextLength);
        opinion.HasIndex(o => new { o.ApplicationId, o.JudgeId }).IsUnique();
    }
}

internal sealed class DownloadRecordConfiguration : IEntityTypeConfiguration<DownloadRecord>
{
    public void Configure(EntityTypeBuilder<DownloadRecord> record)
    {
        record.Property(r => r.UserId).HasMaxLength(450);
        record.HasIndex(r => new { r.UserId, r.At });
        record.HasIndex(r => new { r.TeamId, r.At });
    }
}

internal sealed class RiskFlagConfiguration : IEntityTypeConfiguration<RiskFlag>
{
    public void Configure(EntityTypeBuilder<RiskFlag> flag)
    {
        flag.Ignore(f => f.IsActive);
        flag.Property(f => f.UserId).HasMaxLength(450);
        flag.Property(f => f.Reason).HasMaxLength(500);
        flag.Property(f => f.ClearedBy).HasMaxLength(450);
        flag.HasIndex(f => new { f.ClearedAt, f.TeamId });
        flag.HasIndex(f => new { f.ClearedAt, f.UserId });
    }
}

internal sealed class MaskingSecretConfiguration : IEntityTypeConfiguration<MaskingSecret>
{
    public void Configure(EntityTypeBuilder<MaskingSecret> secret)
    {
        secret.Property(s => s.Id).ValueGeneratedNever();
        secret.Property(s => s.ProtectedKey).HasMaxLength(2000);
    }
}
