using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Confirms a new account's address from the mailed link.</summary>
public sealed class ConfirmEmail(ContestDbContext db, UserManager<SiteUser> users, IAuditLog audit)
{
    /// <summary>Null when the link names no account; false when its code is wrong or used.</summary>
    public async Task<bool?> ConfirmAsync(string userId, string code)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        return await db.InTransactionAsync(async () =>
        {
            var confirmed = (await users.ConfirmEmailAsync(user, code)).Succeeded;
            await audit.AppendAsync(new AuditEvent("account.email-confirmed", $"user:{user.Id}", confirmed ? "ok" : "invalid-token") { ActorId = user.Id, ActorName = user.Email });
            return confirmed;
        });
    }
}
