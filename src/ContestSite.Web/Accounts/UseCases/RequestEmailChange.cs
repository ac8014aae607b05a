using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

public enum EmailChangeAnswer { Mailed, WrongPassword, SameAddress, AddressTaken }

/// <summary>Mails a confirmation link to the new address; the change takes effect only when its owner follows it.</summary>
public sealed class RequestEmailChange(ContestDbContext db, UserManager<SiteUser> users, AccountEmails emails, IAuditLog audit, PublicUrls urls)
{
    public async Task<EmailChangeAnswer> RequestAsync(SiteUser user, string newEmail, string password)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", "wrong-password"));
            return EmailChangeAnswer.WrongPassword;
        }
        var email = newEmail.Trim();
        if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)) return EmailChangeAnswer.SameAddress;
        if (await users.FindByEmailAsync(email) is not null) return EmailChangeAnswer.AddressTaken;
        var code = await users.GenerateChangeEmailTokenAsync(user, email);
        var link = urls.Page("/Accounts/ConfirmEmailChange", new { userId = user.Id, email, code });
        await db.InTransactionAsync(async () =>
        {
            await emails.ConfirmEmailChangeAsync(user, email, link);
            await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", "requested", $"to {email}"));
        });
        return EmailChangeAnswer.Mailed;
    }
}
