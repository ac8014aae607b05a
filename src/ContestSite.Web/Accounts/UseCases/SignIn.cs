using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.UseCases;

public enum SignInAnswer { SignedIn, WrongEmailOrPassword, Locked, Disabled, Unconfirmed, TooManyFailures, CodeRequired }

/// <summary>What a sign-in came to; <see cref="Wait"/> is set when this client has spent its wrong passwords on the account.</summary>
public sealed record SignInOutcome(SignInAnswer Result, TimeSpan? Wait = null);

/// <summary>
/// Sign-in checks the password before it says anything else: a wrong password gets one answer whether the account
/// exists, is unconfirmed, disabled or locked. Only someone who knows the password learns the account's state.
/// </summary>
public sealed class SignIn(ContestDbContext db, UserManager<SiteUser> users, UserSessions sessions, SecondFactorCookies secondFactor, UnknownAccountPasswordCheck unknownAccount,
    ClientFailureBudget failureBudget, IAuditLog audit, TimeProvider clock)
{
    public async Task<SignInOutcome> SignInAsync(string typedEmail, string password, bool remember, string client)
    {
        var email = typedEmail.Trim();
        if (failureBudget.WaitFor(client, email) is { } wait) return new(SignInAnswer.TooManyFailures, wait);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            unknownAccount.Spend(password);
            failureBudget.Spend(client, email);
            await audit.AppendAsync(new AuditEvent("account.signin", $"email:{email}", "unknown-account"));
            return new(SignInAnswer.WrongEmailOrPassword);
        }

        var subject = $"user:{user.Id}";
        AuditEvent Event(string action, string outcome) => new(action, subject, outcome) { ActorId = user.Id, ActorName = user.Email };
        if (IsLockedOut(user))
        {
            // A locked account counts no more failures: the lock ends on time whatever is guessed meanwhile.
            var rightPassword = await users.CheckPasswordAsync(user, password);
            if (!rightPassword) failureBudget.Spend(client, email);
            await audit.AppendAsync(Event("account.signin", rightPassword ? "locked" : "locked-wrong-password"));
            return new(rightPassword ? SignInAnswer.Locked : SignInAnswer.WrongEmailOrPassword);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            failureBudget.Spend(client, email);
            await db.InTransactionAsync(async () =>
            {
                await users.AccessFailedAsync(user);
                await audit.AppendAsync(IsLockedOut(user) ? Event("account.lockout", "locked") : Event("account.signin", "wrong-password"));
            });
            return new(SignInAnswer.WrongEmailOrPassword);
        }
        if (user.IsDisabled)
        {
            await audit.AppendAsync(Event("account.signin", "disabled"));
            return new(SignInAnswer.Disabled);
        }
        if (!user.EmailConfirmed)
        {
            await audit.AppendAsync(Event("account.signin", "email-not-confirmed"));
            return new(SignInAnswer.Unconfirmed);
        }

        var rememberedDevice = false;
        if (user.TwoFactorEnabled && !(rememberedDevice = await secondFactor.IsRememberedAsync(user)))
        {
            // The failure count is not reset until the code is right too (as Identity's own sign-in does): wrong codes
            // after right passwords add up to the lockout.
            await secondFactor.BeginAsync(user, remember);
            await audit.AppendAsync(Event("account.signin", "code-required"));
            return new(SignInAnswer.CodeRequired);
        }

        await db.InTransactionAsync(async () =>
        {
            await users.ResetAccessFailedCountAsync(user);
            await sessions.SignInAsync(user, remember);
            await audit.AppendAsync(rememberedDevice ? Event("account.signin", "ok") with { Detail = "remembered device" } : Event("account.signin", "ok"));
        });
        return new(SignInAnswer.SignedIn);
    }

    /// <summary>Decided on the site's clock, as the users page shows it (Identity itself reads the machine clock).</summary>
    private bool IsLockedOut(SiteUser user) => user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();
}
