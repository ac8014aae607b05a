using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<CloseOut> CloseOuts => Set<CloseOut>();
    public DbSet<CloseOutAttestation> CloseOutAttestations => Set<CloseOutAttestation>();
}

internal sealed class CloseOutConfiguration : IEntityTypeConfiguration<CloseOut>
{
    public void Configure(EntityTypeBuilder<CloseOut> closeOut)
    {
        closeOut.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        closeOut.Property(c => c.EndReason).HasConversion<string>().HasMaxLength(20);
        closeOut.Property(c => c.EscalatedById).HasMaxLength(450);
        closeOut.Property(c => c.EscalationNote).HasMaxLength(CloseOutRules.MaxNoteLength);
        // The claim of the job: one close-out per application, whichever node inserts it first (with its mail).
        closeOut.HasIndex(c => c.ApplicationId).IsUnique();
        closeOut.HasIndex(c => new { c.TeamId, c.DatasetId });
        closeOut.HasIndex(c => new { c.State, c.DueAt });
        closeOut.HasOne<AccessApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        closeOut.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        closeOut.HasOne<Dataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Restrict);
        closeOut.HasOne(c => c.Attestation).WithOne().HasForeignKey<CloseOutAttestation>(a => a.CloseOutId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CloseOutAttestationConfiguration : IEntityTypeConfiguration<CloseOutAttestation>
{
    public void Configure(EntityTypeBuilder<CloseOutAttestation> attestation)
    {
        attestation.Property(a => a.AttestedById).HasMaxLength(450);
        attestation.Property(a => a.Statement).HasMaxLength(1000);
        // Two captains' tabs submitting at once: the second insert fails here and nothing of it is kept.
        attestation.HasIndex(a => a.CloseOutId).IsUnique();
        attestation.HasOne<SiteUser>().WithMany().HasForeignKey(a => a.AttestedById).OnDelete(DeleteBehavior.Restrict);
        attestation.HasMany(a => a.Files).WithOne().HasForeignKey(f => f.AttestationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CloseOutDeletedFileConfiguration : IEntityTypeConfiguration<CloseOutDeletedFile>
{
    public void Configure(EntityTypeBuilder<CloseOutDeletedFile> file)
    {
        file.ToTable("CloseOutDeletedFiles");
        file.Property(f => f.FileName).HasMaxLength(300);
        file.HasIndex(f => new { f.AttestationId, f.ResourceId }).IsUnique();
    }
}
