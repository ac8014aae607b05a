using ContestSite.Data;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Ends this browser's session on every node (a copied cookie stops working too).</summary>
public sealed class SignOut(ContestDbContext db, UserSessions sessions, IAuditLog audit)
{
    public async Task SignOutAsync()
    {
        await db.InTransactionAsync(async () =>
        {
            await audit.AppendAsync(new AuditEvent("account.signout", null, "ok"));
            await sessions.SignOutAsync();
        });
    }
}
