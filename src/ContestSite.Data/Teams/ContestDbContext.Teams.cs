using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(TeamNames.MaxLength);
        team.Property(t => t.NameKey).HasMaxLength(TeamNames.MaxLength * 4);
        team.Property(t => t.Description).HasMaxLength(1000);
        team.Property(t => t.OrganizationName).HasMaxLength(100);
        team.Property(t => t.OrganizationType).HasConversion<string>().HasMaxLength(20);
        team.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        team.Property(t => t.StatusBeforeDisqualification).HasConversion<string>().HasMaxLength(20);
        team.Property(t => t.DecisionReason).HasMaxLength(1000);
        team.Property(t => t.InviteCode).HasMaxLength(InviteCodes.Length);
        team.Property(t => t.Version).IsConcurrencyToken();
        team.HasIndex(t => new { t.ContestId, t.NameKey }).IsUnique();
        team.HasIndex(t => t.InviteCode).IsUnique();
        team.HasIndex(t => new { t.ContestId, t.Status });
        team.Ignore(t => t.Captain);
        team.Ignore(t => t.IsActive);
        team.HasOne<Contest>().WithMany().HasForeignKey(t => t.ContestId).OnDelete(DeleteBehavior.Restrict);
        // A track that has teams cannot be deleted (the contest settings page says so).
        team.HasOne<Track>().WithMany().HasForeignKey(t => t.TrackId).OnDelete(DeleteBehavior.Restrict);
        team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        team.HasMany(t => t.JoinRequests).WithOne().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.Property(m => m.UserId).HasMaxLength(450);
        member.Property(m => m.RealName).HasMaxLength(32);
        member.Property(m => m.Phone).HasMaxLength(20);
        member.Property(m => m.Organization).HasMaxLength(100);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        // One person, one team per contest: the database keeps it even when two requests race.
        member.HasIndex(m => new { m.ContestId, m.UserId }).IsUnique();
        member.HasOne<SiteUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> request)
    {
        request.Property(r => r.UserId).HasMaxLength(450);
        request.Property(r => r.RealName).HasMaxLength(32);
        request.Property(r => r.Phone).HasMaxLength(20);
        request.Property(r => r.Organization).HasMaxLength(100);
        request.Property(r => r.Message).HasMaxLength(500);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.HasIndex(r => new { r.TeamId, r.Status });
        request.HasIndex(r => r.UserId);
        request.HasOne<SiteUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
