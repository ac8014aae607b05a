using System.Security.Cryptography;
using System.Text.Json;
using ContestSite.Data.Accounts;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Setup;

/// <summary>
/// <c>{"step":"organizer","email":"admin@contest.local","displayName":"组委会"}</c>: makes sure an organizer
/// account exists. The address and password come from <c>ContestSite__Setup__AdminEmail</c> /
/// <c>__AdminPassword</c> when set; otherwise a password is generated and printed once.
/// </summary>
public sealed class OrganizerAccountStep(UserManager<SiteUser> users, IOptions<SiteOptions> options, TimeProvider clock) : IRecipeStep
{
    public string Name => "organizer";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var setup = options.Value.Setup;
        var email = setup.AdminEmail ?? RecipeJson.OptionalString(step, "email") ?? "admin@contest.local";
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, BuiltInRoles.Organizer))
                Check(await users.AddToRoleAsync(existing, BuiltInRoles.Organizer));
            return;
        }

        var generated = string.IsNullOrEmpty(setup.AdminPassword);
        var password = generated ? GeneratePassword() : setup.AdminPassword!;
        var user = new SiteUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = RecipeJson.OptionalString(step, "displayName") ?? "组委会",
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, BuiltInRoles.Organizer));
        context.Messages.Add(generated
            ? $"组织者账号 / Organizer sign-in: {email}  密码 / password: {password}  （仅显示这一次 / shown only this once）"
            : $"组织者账号 / Organizer sign-in: {email}（密码取自 ContestSite__Setup__AdminPassword）");
    }

    /// <summary>20 characters from an alphabet without look-alikes, with a digit and a letter guaranteed.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var body = RandomNumberGenerator.GetString(alphabet, 18);
        return body + RandomNumberGenerator.GetString("23456789", 1) + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 1);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new RecipeStepException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
