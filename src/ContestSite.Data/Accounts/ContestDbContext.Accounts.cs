using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.Property(s => s.Device).HasMaxLength(UserSession.DeviceLength);
        session.HasOne<SiteUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => new { s.UserId, s.RevokedAt });
    }
}
