using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>
/// Registration answers the same whether or not the address already has an account, so the form cannot be used to
/// find out who is registered: a taken address gets no new account, and its owner gets a mail saying someone tried.
/// </summary>
public sealed class RegisterAccount(ContestDbContext db, UserManager<SiteUser> users, AccountEmails emails, UnknownAccountPasswordCheck hashing, IAuditLog audit, TimeProvider clock, PublicUrls urls)
{
    /// <summary>Identity's reasons (a weak password) in the visitor's language; empty means "registered" whether or not the address was free.</summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(string displayName, string typedEmail, string password, string culture)
    {
        var email = typedEmail.Trim();
        var user = new SiteUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            PreferredCulture = SiteCultures.IsSupported(culture) ? culture : SiteCultures.Chinese,
            CreatedAt = clock.GetUtcNow(),
        };

        // The password rules are checked before the address, so a weak password is refused alike for taken and free addresses.
        if (await PasswordErrorsAsync(user, password) is { Count: > 0 } weak) return weak;
        if (await users.FindByEmailAsync(email) is { } owner) return await TakenAsync(owner, password);

        // The account, its role, the confirmation mail and the entry: all or nothing.
        var errors = await db.InTransactionAsync<IReadOnlyList<string>?>(async () =>
        {
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
            await users.AddToRoleAsync(user, BuiltInRoles.Contestant);
            var code = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = urls.Page("/Accounts/ConfirmEmail", new { userId = user.Id, code });
            await emails.ConfirmRegistrationAsync(user, link);
            await audit.AppendAsync(new AuditEvent("account.registered", $"user:{user.Id}", "ok") { ActorId = user.Id, ActorName = user.Email });
            return null;
        });
        if (errors is null) return [];
        // Another registration of the same address won the race: answer as for any taken address.
        if (await users.FindByEmailAsync(email) is { } winner) return await TakenAsync(winner, password);
        return errors;
    }

    private async Task<IReadOnlyList<string>> TakenAsync(SiteUser owner, string password)
    {
        hashing.Spend(password); // a new registration hashes the password: so does this answer
        await emails.RegistrationAttemptAsync(owner, urls.Page("/Accounts/Login"), urls.Page("/Accounts/ForgotPassword"));
        await audit.AppendAsync(new AuditEvent("account.register-taken", $"user:{owner.Id}", "owner-mailed"));
        return [];
    }

    private async Task<List<string>> PasswordErrorsAsync(SiteUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors;
    }
}
