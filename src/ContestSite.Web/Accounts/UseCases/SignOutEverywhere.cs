using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Ends every session of the account, this one included (a lost phone, a shared computer).</summary>
public sealed class SignOutEverywhere(ContestDbContext db, UserSessions sessions, IAuditLog audit)
{
    public async Task SignOutAsync(SiteUser user)
    {
        await db.InTransactionAsync(async () =>
        {
            var ended = await sessions.RevokeAllAsync(user.Id);
            await audit.AppendAsync(new AuditEvent("account.signout-everywhere", $"user:{user.Id}", "ok", $"sessions: {ended}") { ActorId = user.Id, ActorName = user.Email });
        });
        await sessions.SignOutAsync();
    }
}
