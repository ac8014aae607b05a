using ContestSite.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditVerificationRun> AuditVerificationRuns => Set<AuditVerificationRun>();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        // Ids are assigned by the appender (previous id + 1) so the hash can include them.
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(256);
        entry.Property(e => e.Subject).HasMaxLength(200);
        entry.Property(e => e.Outcome).HasMaxLength(100);
        entry.Property(e => e.Detail).HasMaxLength(8000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.Property(e => e.KeyId).HasMaxLength(32);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Action, e.At });
        entry.HasIndex(e => e.ActorId);
        entry.HasIndex(e => new { e.TeamId, e.At });
        entry.HasIndex(e => new { e.DatasetId, e.At });
        // The audit page pages by id (newest first) within a filter: these keep a page one index range scan.
        entry.HasIndex(e => new { e.Action, e.Id });
        entry.HasIndex(e => new { e.TeamId, e.Id });
        entry.HasIndex(e => new { e.DatasetId, e.Id });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> head)
    {
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditVerificationRunConfiguration : IEntityTypeConfiguration<AuditVerificationRun>
{
    public void Configure(EntityTypeBuilder<AuditVerificationRun> run)
    {
        run.Property(r => r.RequestedByUserId).HasMaxLength(450);
        run.Property(r => r.BreakReason).HasMaxLength(500);
        run.HasIndex(r => r.Status);
    }
}
