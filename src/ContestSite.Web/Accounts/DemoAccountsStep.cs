using System.Text.Json;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using ContestSite.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>
/// <c>{"step":"accounts","accounts":[{"email":"judge1@demo.contest.local","displayName":"…","role":"Judge","note":"…"}]}</c>:
/// confirmed accounts that share one password, from <c>ContestSite__Setup__DemoPassword</c> or generated for this run and
/// shown once in the start-up block. An account that exists keeps its password and gains the role.
/// </summary>
public sealed class DemoAccountsStep(UserManager<SiteUser> users, IOptions<SiteOptions> options, IAuditLog audit, TimeProvider clock) : IRecipeStep
{
    public string Name => "accounts";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var item in RecipeJson.Array(step, "accounts"))
        {
            var email = RecipeJson.RequiredString(item, "email", Name);
            var role = RecipeJson.RequiredString(item, "role", Name);
            if (!BuiltInRoles.All.Contains(role) || role == BuiltInRoles.Anonymous)
                throw new RecipeStepException($"账号 {email} 的角色须为 Organizer、Judge 或 Contestant（不是“{role}”）");
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                context.DemoPassword ??= string.IsNullOrEmpty(options.Value.Setup.DemoPassword) ? OrganizerAccountStep.GeneratePassword() : options.Value.Setup.DemoPassword;
                user = new SiteUser
                {
                    UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true, CreatedAt = clock.GetUtcNow(),
                    DisplayName = RecipeJson.OptionalString(item, "displayName") ?? email.Split('@')[0],
                };
                Check(await users.CreateAsync(user, context.DemoPassword), email);
                await audit.AppendAsync(new AuditEvent("account.created-by-recipe", $"user:{user.Id}", "ok", $"role={role}"), cancellationToken);
                context.DemoAccounts.Add((email, RecipeJson.OptionalString(item, "note") is { } note ? $"{role} · {note}" : role));
            }
            if (!await users.IsInRoleAsync(user, role)) Check(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new RecipeStepException($"账号 {email}：{string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
