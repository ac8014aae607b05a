using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Setup;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts;

/// <summary>
/// For the operator who lost the organizer's password (it is printed once and stored only hashed): gives an account a new
/// generated password, printed once, lifts its lock-out and signs it out everywhere. Needs access to the server, as the
/// first start's password did.
/// </summary>
public sealed class ResetPasswordCommand : ISiteCommand
{
    public IReadOnlyList<string> Words => ["accounts", "reset-password"];
    public string Usage => "accounts reset-password <email>  gives the account a new generated password, printed once";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count != 1)
        {
            await Console.Error.WriteLineAsync("用法 / usage: " + Usage);
            return 2;
        }
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SiteUser>>();
        var user = await users.FindByEmailAsync(arguments[0]);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"没有这个账号 / no account with the address {arguments[0]}");
            return 1;
        }
        var password = OrganizerAccountStep.GeneratePassword();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var errors = await db.InTransactionAsync(async () =>
        {
            // Resetting through a token changes the security stamp: every session of the account ends.
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!reset.Succeeded) return string.Join("; ", reset.Errors.Select(e => e.Description));
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(
                new AuditEvent("account.password-reset-by-operator", $"user:{user.Id}", "ok", "accounts reset-password") { ActorName = "operator" }, cancellationToken);
            return null;
        }, cancellationToken);
        if (errors is not null)
        {
            await Console.Error.WriteLineAsync(errors);
            return 1;
        }
        await output.WriteLineAsync($"新密码 / new password for {user.Email}: {password}  （仅显示这一次 / shown only this once）");
        return 0;
    }
}
