using ContestSite.Core.Security;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Hosting;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

public sealed class AccountPermissions : IPermissionProvider
{
    public const string ManageUsers = "accounts.users.manage";
    public const string ManageRoles = "accounts.roles.manage";
    public IEnumerable<Permission> Permissions =>
    [
        new(ManageUsers, "账号", "管理用户：查看、停用、分配角色"),
        new(ManageRoles, "账号", "管理角色及其权限"),
    ];
}

public static class AccountsFeature
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512; the framework default (100,000) is too low.</summary>
    public const int PasswordHashIterations = 210_000;
    /// <summary>The name the authenticator app shows beside the account.</summary>
    public const string AuthenticatorIssuer = "浙江省数据开放创新应用大赛";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<SiteUser, SiteRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedEmail = true;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 8;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
                identity.Tokens.EmailConfirmationTokenProvider = TimedTokenProvider.Name;
                identity.Tokens.PasswordResetTokenProvider = TimedTokenProvider.Name;
                identity.Tokens.ChangeEmailTokenProvider = TimedTokenProvider.Name;
                identity.Tokens.AuthenticatorTokenProvider = AuthenticatorCodeProvider.Name;
                identity.Tokens.AuthenticatorIssuer = AuthenticatorIssuer;
            })
            .AddEntityFrameworkStores<ContestDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimedTokenProvider>(TimedTokenProvider.Name)
            .AddTokenProvider<AuthenticatorCodeProvider>(AuthenticatorCodeProvider.Name)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<SiteClaimsPrincipalFactory>();
        services.AddOptions<LockoutOptions>().BindConfiguration(LockoutOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LockoutOptions>, LockoutOptionsValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<LockoutOptions>>((identity, lockout) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = lockout.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = lockout.Value.Duration;
        });
        services.AddSingleton<ClientFailureBudget>();
        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = PasswordHashIterations;
        });
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((o, clock) => { o.ValidationInterval = TimeSpan.FromMinutes(1); o.TimeProvider = clock; });
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "cs-auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = UserSessions.CookieLifetime;
            // Identity has put its security-stamp check here already; the server-side session is checked before it.
            var securityStampCheck = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = context => SessionValidation.ValidatePrincipalAsync(context, securityStampCheck);
        });
        // The code step's cookies: the password-checked account waits five minutes for its code; a remembered device
        // lasts 30 days from the code and is not renewed by use.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "cs-2fa-pending";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie =>
        {
            cookie.Cookie.Name = "cs-2fa-device";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = SecondFactorCookies.RememberDeviceFor;
            cookie.SlidingExpiration = false;
        });
        services.AddScoped<UserSessions>();
        services.AddScoped<SecondFactorCookies>();
        services.AddScoped<SecondFactorPolicy>();
        services.AddSingleton<StaffSecondFactor>();
        services.AddScoped<ContestSite.Web.Setup.IRecipeStep, DemoAccountsStep>();
        services.AddSiteCommand<ResetPasswordCommand>();
        services.AddScoped<UnknownAccountPasswordCheck>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<UseCases.SignIn>();
        services.AddScoped<UseCases.SignInWithSecondFactor>();
        services.AddScoped<UseCases.StartAuthenticatorEnrolment>();
        services.AddScoped<UseCases.EnableAuthenticator>();
        services.AddScoped<UseCases.RegenerateRecoveryCodes>();
        services.AddScoped<UseCases.DisableAuthenticator>();
        services.AddScoped<UseCases.ResetAuthenticator>();
        services.AddScoped<UseCases.RegisterAccount>();
        services.AddScoped<UseCases.SignOut>();
        services.AddScoped<UseCases.SignOutEverywhere>();
        services.AddScoped<UseCases.RequestPasswordReset>();
        services.AddScoped<UseCases.ResetPassword>();
        services.AddScoped<UseCases.ConfirmEmail>();
        services.AddScoped<UseCases.ConfirmEmailChange>();
        services.AddScoped<UseCases.ChangePassword>();
        services.AddScoped<UseCases.RequestEmailChange>();
        services.AddScoped<UseCases.SaveProfile>();
        services.AddScoped<UseCases.ChangeUserRoles>();
        services.AddScoped<UseCases.SwitchAccountDisabled>();
        services.AddScoped<UseCases.UnlockAccount>();
        services.AddScoped<UseCases.CreateRole>();
        services.AddScoped<UseCases.SaveRolePermissions>();
        services.AddScoped<UseCases.DeleteRole>();
        services.AddOptions<Invitations.InvitationOptions>().BindConfiguration(Invitations.InvitationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Invitations.InvitationOptions>, Invitations.InvitationOptionsValidator>();
        services.AddScoped<Invitations.InvitationEmails>();
        services.AddScoped<UseCases.InviteStaff>();
        services.AddScoped<UseCases.ResendInvitation>();
        services.AddScoped<UseCases.RevokeInvitation>();
        services.AddScoped<UseCases.AcceptInvitation>();
        services.AddScoped<ContestSite.Web.Admin.IOrganizerTaskSource, Invitations.PendingInvitationTasks>();
        services.AddPermissions<AccountPermissions>();
        services.AddNavigation<AccountsNavigation>();
        return services;
    }
}

public sealed class AccountsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Admin, "用户", "/admin/users", AccountPermissions.ManageUsers, 900),
        new(NavMenu.Admin, "角色与权限", "/admin/roles", AccountPermissions.ManageRoles, 910),
        new(NavMenu.Admin, "邀请工作人员", "/admin/invitations", AccountPermissions.ManageUsers, 905),
    ];
}
