using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Mails a reset link to a confirmed, enabled account; does nothing visible otherwise, so the answer reveals no account.</summary>
public sealed class RequestPasswordReset(ContestDbContext db, UserManager<SiteUser> users, AccountEmails emails, IAuditLog audit, PublicUrls urls)
{
    public async Task RequestAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is not { EmailConfirmed: true, IsDisabled: false }) return;
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await db.InTransactionAsync(async () =>
        {
            await emails.ResetPasswordAsync(user, urls.Page("/Accounts/ResetPassword", new { userId = user.Id, code }));
            await audit.AppendAsync(new AuditEvent("account.password-reset-requested", $"user:{user.Id}", "mailed") { ActorId = user.Id, ActorName = user.Email });
        });
    }
}
