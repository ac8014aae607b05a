using System.Net;
using System.Security.Claims;
using ContestSite.Data.Accounts;
using ContestSite.Web.Admin;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>
/// Invitation tests that keep a site of their own: they move the clock, add a role, count over the whole site, or race
/// two requests on each database.
/// </summary>
public sealed class InvitationLifecycleTests
{
    [Fact]
    public async Task An_existing_account_signs_in_as_the_invited_address_accepts_and_the_role_applies_on_its_next_request()
    {
        await using var site = await SiteFactory.CreateAsync();
        // A role of the organizers' own making that lets its holders review: a staff right, so the role asks for an authenticator too.
        const string reviewer = "邀请评审助理";
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = reviewer });
            await roles.AddClaimAsync((await roles.FindByNameAsync(reviewer))!, new Claim(PermissionPolicies.ClaimType, "judging.review"));
        });
        await site.CreateUserAsync("member@test.local", SiteBuilders.Password, "Contestant");
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "member@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        using var organizer = await site.OrganizerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.InviteAsync(reviewer, "member@test.local")).Status);
        var mail = await site.InvitationMailAsync("member@test.local");
        Assert.Equal("You are invited to the platform of the Zhejiang Public Data Open Innovation Application Contest", mail.Subject);
        var link = MailLinks.FirstLocalLink(mail);

        // Signed out, the link asks for the account's sign-in and accepting is refused.
        using var member = site.NewClient();
        Assert.Contains("请先用 member@test.local 登录", (await member.GetAsync(link)).Text);
        var before = await site.StateAsync();
        var signedOut = await member.PostAsync(link, [new("__RequestVerificationToken", (await member.GetAsync("/account/login")).AntiforgeryToken!)]);
        Assert.Contains("请先用 member@test.local 登录，再接受邀请", signedOut.Text);
        Assert.Equal(before, await site.StateAsync());

        var signedIn = await site.SignInAsync(member, "member@test.local", returnUrl: link);
        Assert.Equal(link, signedIn.Location?.OriginalString);
        Assert.Contains("/account/access-denied", (await member.GetAsync("/judging")).Location!.OriginalString);
        var accepted = await member.PostFormAsync(link, new Dictionary<string, string>());

        Assert.Equal("/", accepted.Location?.OriginalString);
        Assert.StartsWith("/account/two-factor", (await member.GetAsync("/judging")).Location!.OriginalString);
        using var enrolled = await site.SignedInAsync("member@test.local");
        var workspace = await enrolled.GetAsync("/judging");
        Assert.Equal(HttpStatusCode.OK, workspace.Status);
        Assert.Contains("评审工作台", workspace.Text);
        Assert.Equal(InvitationStatus.Accepted, await site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "member@test.local").Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Whoever_manages_judging_but_not_users_may_invite_resend_and_revoke_judges_only()
    {
        await using var site = await SiteFactory.CreateAsync();
        const string judgingLead = "评审主管";
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = judgingLead });
            var role = (await roles.FindByNameAsync(judgingLead))!;
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "judging.manage"));
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, "admin.access"));
        });
        await site.CreateUserAsync("judging-lead@test.local", SiteBuilders.Password, judgingLead);
        using var organizer = await site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Organizer, "staff-member@test.local");
        var organizerInvitation = await site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "staff-member@test.local").Select(i => i.Id).SingleAsync());
        using var lead = await site.SignedInAsync("judging-lead@test.local");
        var before = await site.StateAsync();

        var asOrganizer = await lead.InviteAsync(BuiltInRoles.Organizer, "would-be-organizer@test.local", formPage: "/admin/judging", returnUrl: "/admin/judging");
        var revoke = await lead.PostFormAsync("/admin/judging", new Dictionary<string, string>(), $"/admin/invitations?handler=Revoke&id={organizerInvitation}");
        var resend = await lead.PostFormAsync("/admin/judging", new Dictionary<string, string>(), $"/admin/invitations?handler=Resend&id={organizerInvitation}");

        Assert.All([asOrganizer, revoke, resend], refused => Assert.Contains("/account/access-denied", refused.Location!.OriginalString));
        Assert.Equal(before, await site.StateAsync());

        var asJudge = await lead.InviteAsync(BuiltInRoles.Judge, "judge-by-lead@test.local", formPage: "/admin/judging", returnUrl: "/admin/judging");
        Assert.Equal("/admin/judging", asJudge.Location?.OriginalString);
        var list = await lead.GetAsync("/admin/invitations");
        Assert.Contains("judge-by-lead@test.local", list.Text);
        Assert.DoesNotContain("staff-member@test.local", list.Text);
        Assert.DoesNotContain("id=\"invite-role\"", list.Html);
        var judgeInvitation = await site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "judge-by-lead@test.local").Select(i => i.Id).SingleAsync());
        Assert.Equal("/admin/judging", (await lead.PostFormAsync("/admin/judging", new Dictionary<string, string> { ["ReturnUrl"] = "/admin/judging" },
            $"/admin/invitations?handler=Revoke&id={judgeInvitation}")).Location?.OriginalString);
        Assert.Equal(InvitationStatus.Revoked, await site.WithDbAsync(db => db.Invitations.Where(i => i.Id == judgeInvitation).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_changes_nothing()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "late@test.local");
        var link = await site.InvitationLinkAsync("late@test.local");
        site.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var before = await site.StateAsync();

        using var invitee = site.NewClient();
        var opened = await invitee.GetAsync(link);
        var posted = await invitee.PostAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "迟到", ["Input.Password"] = "Invited-pass-42", ["Input.ConfirmPassword"] = "Invited-pass-42",
            ["__RequestVerificationToken"] = (await invitee.GetAsync("/account/login")).AntiforgeryToken!,
        });

        Assert.Contains("此邀请已于", opened.Text);
        Assert.Contains("过期，请联系组委会重新发送", posted.Text);
        Assert.Equal(before, await site.StateAsync());
        using var organizerLater = await site.OrganizerAsync();
        Assert.Contains("已过期", (await organizerLater.GetAsync("/admin/invitations")).Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_accepts_of_one_link_at_the_same_moment_make_one_account_and_one_of_them_wins(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        using var organizer = await site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "race@test.local");
        var link = await site.InvitationLinkAsync("race@test.local");
        using var first = site.NewClient();
        using var second = site.NewClient();
        async Task<KeyValuePair<string, string>[]> FormAsync(SiteClient client, string name) =>
        [
            new("Input.DisplayName", name), new("Input.Password", "Invited-pass-42"), new("Input.ConfirmPassword", "Invited-pass-42"),
            new("__RequestVerificationToken", (await client.GetAsync(link)).AntiforgeryToken!),
        ];
        var (firstForm, secondForm) = (await FormAsync(first, "甲"), await FormAsync(second, "乙"));

        var answers = await Task.WhenAll(first.PostAsync(link, firstForm), second.PostAsync(link, secondForm));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK && a.Text.Contains("此邀请已被接受", StringComparison.Ordinal));
        var accounts = await site.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == "RACE@TEST.LOCAL").ToListAsync());
        var account = Assert.Single(accounts);
        Assert.Equal(1, await site.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == account.Id)));
        Assert.Equal(account.Id, await site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "race@test.local").Select(i => i.AcceptedUserId).SingleAsync()));
        Assert.Equal(1, await site.AuditCountAsync("account.invitation-accepted"));
    }

    [Fact]
    public async Task The_inbox_counts_pending_unexpired_invitations_for_those_who_may_handle_them()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        async Task<Dictionary<string, (int Count, string Url, string Permission)>> TasksAsync()
        {
            Dictionary<string, (int, string, string)> found = [];
            await site.WithScopeAsync(async services =>
            {
                foreach (var source in services.GetServices<IOrganizerTaskSource>())
                    foreach (var task in await source.PendingAsync(CancellationToken.None))
                        if (task.Key.StartsWith("accounts.invitations", StringComparison.Ordinal)) found[task.Text] = (task.Count, task.Url, task.Permission);
            });
            return found;
        }
        Assert.Equal(0, (await TasksAsync())["邀请未接受：{0}"].Count);

        await organizer.InviteAsync(BuiltInRoles.Judge, "inbox-1@test.local\ninbox-2@test.local");
        await organizer.InviteAsync(BuiltInRoles.Organizer, "inbox-3@test.local");
        var tasks = await TasksAsync();
        Assert.Equal((2, "/admin/judging#invitations", "judging.manage"), tasks["评委邀请未接受：{0}"]);
        Assert.Equal((1, "/admin/invitations", "accounts.users.manage"), tasks["邀请未接受：{0}"]);

        var link = await site.InvitationLinkAsync("inbox-1@test.local");
        using var invitee = site.NewClient();
        await invitee.PostFormAsync(link, new Dictionary<string, string> { ["Input.DisplayName"] = "一", ["Input.Password"] = "Invited-pass-42", ["Input.ConfirmPassword"] = "Invited-pass-42" });
        Assert.Equal(1, (await TasksAsync())["评委邀请未接受：{0}"].Count);

        site.Clock.Advance(TimeSpan.FromDays(15));
        Assert.All((await TasksAsync()).Values, task => Assert.Equal(0, task.Count));
    }
}
