using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

public enum SecondFactorAnswer { SignedIn, WrongCode, Locked, Disabled, Expired, TooManyFailures }

public sealed record SecondFactorOutcome(SecondFactorAnswer Result, TimeSpan? Wait = null);

/// <summary>
/// The second step of signing in an account with an authenticator: the code from the app (or one recovery code)
/// after the right password. Wrong codes count towards the lockout and the client's failure budget exactly as
/// wrong passwords do, so codes cannot be guessed faster than passwords.
/// </summary>
public sealed class SignInWithSecondFactor(ContestDbContext db, UserManager<SiteUser> users, UserSessions sessions, SecondFactorCookies secondFactor,
    ClientFailureBudget failureBudget, IAuditLog audit, AccountEmails emails, TimeProvider clock)
{
    public Task<SecondFactorOutcome> WithAuthenticatorCodeAsync(string code, bool rememberDevice, string client) =>
        SignInAsync(code, rememberDevice, client, recoveryCode: false);

    /// <summary>A recovery code works once; the device is not remembered (the app is probably lost).</summary>
    public Task<SecondFactorOutcome> WithRecoveryCodeAsync(string code, string client) =>
        SignInAsync(code, rememberDevice: false, client, recoveryCode: true);

    private async Task<SecondFactorOutcome> SignInAsync(string code, bool rememberDevice, string client, bool recoveryCode)
    {
        if (await secondFactor.PendingAsync() is not { } pending || await users.FindByIdAsync(pending.UserId) is not { } user)
            return new(SecondFactorAnswer.Expired);
        var email = user.Email ?? user.Id;
        if (failureBudget.WaitFor(client, email) is { } wait) return new(SecondFactorAnswer.TooManyFailures, wait);

        AuditEvent Event(string action, string outcome, string? detail = null) =>
            new(action, $"user:{user.Id}", outcome, detail) { ActorId = user.Id, ActorName = user.Email };
        if (user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow())
        {
            // Codes typed during the lock are not checked: the lock ends on time whatever is guessed meanwhile.
            await secondFactor.EndAsync();
            await audit.AppendAsync(Event("account.signin", "locked"));
            return new(SecondFactorAnswer.Locked);
        }
        if (user.IsDisabled || !user.TwoFactorEnabled)
        {
            // Disabled, or the authenticator was reset, since the password was typed: start again.
            await secondFactor.EndAsync();
            await audit.AppendAsync(Event("account.signin", user.IsDisabled ? "disabled" : "code-no-longer-asked"));
            return new(user.IsDisabled ? SecondFactorAnswer.Disabled : SecondFactorAnswer.Expired);
        }

        var right = recoveryCode
            ? RecoveryCode.Normalize(code) is { } typed && (await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        var kind = recoveryCode ? "recovery-code" : "authenticator";
        if (!right)
        {
            failureBudget.Spend(client, email);
            var lockedNow = await db.InTransactionAsync(async () =>
            {
                await users.AccessFailedAsync(user);
                var locked = user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow();
                await audit.AppendAsync(locked ? Event("account.lockout", "locked", kind) : Event("account.signin", "wrong-code", kind));
                return locked;
            });
            if (lockedNow) await secondFactor.EndAsync();
            return new(lockedNow ? SecondFactorAnswer.Locked : SecondFactorAnswer.WrongCode);
        }

        await secondFactor.EndAsync();
        if (rememberDevice) await secondFactor.RememberAsync(user);
        await db.InTransactionAsync(async () =>
        {
            await users.ResetAccessFailedCountAsync(user);
            await sessions.SignInAsync(user, pending.Persistent);
            if (recoveryCode) emails.RecoveryCodeUsed(user, await users.CountRecoveryCodesAsync(user));
            await audit.AppendAsync(Event("account.signin", "ok", rememberDevice ? kind + "; device remembered" : kind));
        });
        return new(SecondFactorAnswer.SignedIn);
    }
}
