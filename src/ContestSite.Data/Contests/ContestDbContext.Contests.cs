using ContestSite.Core.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();
}

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> contest)
    {
        contest.Property(c => c.Name).HasMaxLength(200);
        contest.Property(c => c.Description).HasMaxLength(4000);
        contest.HasIndex(c => c.Year).IsUnique();
        contest.HasMany(c => c.Tracks).WithOne().HasForeignKey(t => t.ContestId).OnDelete(DeleteBehavior.Cascade);
        contest.HasMany(c => c.Rounds).WithOne().HasForeignKey(r => r.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> track)
    {
        track.Property(t => t.Name).HasMaxLength(200);
        track.Property(t => t.Description).HasMaxLength(4000);
        track.HasIndex(t => new { t.ContestId, t.Name }).IsUnique();
    }
}

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> round)
    {
        round.Property(r => r.Name).HasMaxLength(100);
        round.HasIndex(r => new { r.ContestId, r.Sequence }).IsUnique();
        round.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> criterion)
    {
        criterion.Property(c => c.Name).HasMaxLength(100);
        criterion.Property(c => c.Description).HasMaxLength(2000);
        criterion.Property(c => c.Guidance).HasMaxLength(4000);
        criterion.Property(c => c.Weight).HasPrecision(9, 3);
        criterion.Property(c => c.MaxScore).HasPrecision(9, 3);
    }
}
