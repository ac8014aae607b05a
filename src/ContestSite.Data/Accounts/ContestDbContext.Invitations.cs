using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Invitation> Invitations => Set<Invitation>();
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(Invitation.EmailLength);
        invitation.Property(i => i.NormalizedEmail).HasMaxLength(Invitation.EmailLength);
        invitation.Property(i => i.Role).HasMaxLength(256);
        invitation.Property(i => i.Name).HasMaxLength(Invitation.NameLength);
        invitation.Property(i => i.Organization).HasMaxLength(Invitation.OrganizationLength);
        invitation.Property(i => i.Expertise).HasMaxLength(Invitation.ExpertiseLength);
        invitation.Property(i => i.InvitedByUserId).HasMaxLength(450);
        invitation.Property(i => i.AcceptedUserId).HasMaxLength(450);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => new { i.NormalizedEmail, i.Role, i.Status });
        invitation.HasIndex(i => new { i.Status, i.ExpiresAt });
        invitation.HasOne<SiteUser>().WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
        invitation.HasOne<SiteUser>().WithMany().HasForeignKey(i => i.AcceptedUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
