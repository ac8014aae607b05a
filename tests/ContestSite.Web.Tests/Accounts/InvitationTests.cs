using System.Net;
using System.Security.Claims;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>
/// Issue 18: staff accounts are made by invitation. The organizer invites by address or CSV; the invitee follows the
/// mailed link (read from a real SMTP server) and sets a password, or accepts with the account they have. Each test
/// works with addresses of its own on a site the class shares; refusals assert the message and the unchanged state.
/// </summary>
public sealed class InvitationTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private SiteFactory Site => shared.Site;

    [Fact]
    public async Task An_invited_judge_sets_a_password_from_the_mail_is_signed_in_and_goes_to_the_prefilled_profile_through_enrolment()
    {
        using var organizer = await Site.OrganizerAsync();
        var invitedAt = Site.Clock.GetUtcNow();
        var invited = await organizer.InviteCsvAsync(BuiltInRoles.Judge,
            InvitationTestKit.Utf8("email,name,organization,expertise\nnew-judge@test.local,王评委,浙江大学,交通、医疗\n"));
        Assert.Equal(HttpStatusCode.Redirect, invited.Status);

        var mail = await Site.InvitationMailAsync("new-judge@test.local");
        var organizerName = await Site.WithDbAsync(db => db.Users.Where(u => u.Email == SiteFactory.OrganizerEmail).Select(u => u.DisplayName).SingleAsync());
        var expires = await Site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "new-judge@test.local").Select(i => i.ExpiresAt).SingleAsync());
        Assert.Contains(organizerName + " 邀请您担任浙江省数据开放创新应用大赛的评委", mail.TextBody);
        Assert.Contains(ContestTime.Display(expires), mail.TextBody);
        Assert.Equal(invitedAt.AddDays(14), expires);
        var link = MailLinks.FirstLocalLink(mail);
        Assert.StartsWith("/account/invitation/", link, StringComparison.Ordinal);

        using var judge = Site.NewClient();
        var form = await judge.GetAsync(link);
        Assert.Contains("为 new-judge@test.local 创建账号", form.Text);
        Assert.Contains("value=\"王评委\"", form.Html);
        var accepted = await judge.PostFormAsync(link, new Dictionary<string, string>
            { ["Input.DisplayName"] = "王评委", ["Input.Password"] = "Judge-pass-2020", ["Input.ConfirmPassword"] = "Judge-pass-2020" });

        Assert.Equal("/judging/profile", accepted.Location?.OriginalString);
        // Signed in at once; a judge sets up the authenticator before the profile page opens.
        Assert.Equal("/account/two-factor?returnUrl=%2Fjudging%2Fprofile", (await judge.GetAsync("/judging/profile")).Location?.OriginalString);
        var account = await Site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "new-judge@test.local"));
        Assert.True(account.EmailConfirmed);
        Assert.Equal("王评委", account.DisplayName);
        Assert.Equal([BuiltInRoles.Judge], await Site.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()));
        var invitation = await Site.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "new-judge@test.local"));
        Assert.Equal((InvitationStatus.Accepted, account.Id), (invitation.Status, invitation.AcceptedUserId));

        await Site.EnrolAuthenticatorAsync("new-judge@test.local");
        using var later = await Site.SignedInAsync("new-judge@test.local", "Judge-pass-2020");
        var profile = await later.GetAsync("/judging/profile");
        Assert.Contains("value=\"浙江大学\"", profile.Html);
        Assert.Contains("value=\"交通，医疗\"", profile.Html);

        // The audit names the invitation and the account, never the token of the link.
        var token = link["/account/invitation/".Length..];
        var entries = await Site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"invitation:{invitation.Id}").ToListAsync());
        Assert.Equal(["account.invited", "account.invitation-accepted"], entries.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains(token, StringComparison.Ordinal) || (e.Subject ?? "").Contains(token, StringComparison.Ordinal));
        Assert.NotEqual(token, invitation.TokenHash);
    }

    [Fact]
    public async Task A_used_link_is_refused_and_changes_nothing()
    {
        using var organizer = await Site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "once@test.local");
        var link = await Site.InvitationLinkAsync("once@test.local");
        using var first = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(link, NewAccount("第一位"))).Status);
        var before = await Site.StateAsync();

        using var second = Site.NewClient();
        var opened = await second.GetAsync(link);
        var posted = await second.PostAsync(link, NewAccount("第二位").Append(new("__RequestVerificationToken", (await second.GetAsync("/account/login")).AntiforgeryToken!)));

        Assert.Contains("此邀请已被接受，链接不能再次使用", opened.Text);
        Assert.Contains("此邀请已被接受，链接不能再次使用", posted.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task A_revoked_invitation_is_refused_and_changes_nothing()
    {
        using var organizer = await Site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "revoked@test.local");
        var link = await Site.InvitationLinkAsync("revoked@test.local");
        var id = await Site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "revoked@test.local").Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/invitations", new Dictionary<string, string>(), $"/admin/invitations?handler=Revoke&id={id}")).Status);
        Assert.Equal(1, await Site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.invitation-revoked" && e.Subject == $"invitation:{id}")));
        var before = await Site.StateAsync();

        using var invitee = Site.NewClient();
        Assert.Contains("此邀请已被组委会撤销", (await invitee.GetAsync(link)).Text);
        var posted = await invitee.PostAsync(link, NewAccount("撤销").Append(new("__RequestVerificationToken", (await invitee.GetAsync("/account/login")).AntiforgeryToken!)));

        Assert.Contains("此邀请已被组委会撤销", posted.Text);
        Assert.Equal(before, await Site.StateAsync());
        Assert.Contains("已撤销", (await organizer.GetAsync("/admin/invitations")).Text);
    }

    [Fact]
    public async Task A_resent_invitation_has_a_new_link_and_expiry_and_the_old_link_stops_working()
    {
        using var organizer = await Site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "resent@test.local");
        var oldLink = await Site.InvitationLinkAsync("resent@test.local");
        var id = await Site.WithDbAsync(db => db.Invitations.Where(i => i.Email == "resent@test.local").Select(i => i.Id).SingleAsync());
        var resentAt = Site.Clock.GetUtcNow();

        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/invitations", new Dictionary<string, string>(), $"/admin/invitations?handler=Resend&id={id}")).Status);
        var newLink = await Site.InvitationLinkAsync("resent@test.local", mailNumber: 2);

        Assert.NotEqual(oldLink, newLink);
        var invitation = await Site.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((1, resentAt.AddDays(14)), (invitation.ResentCount, invitation.ExpiresAt));
        using var invitee = Site.NewClient();
        var before = await Site.StateAsync();
        var old = await invitee.PostAsync(oldLink, NewAccount("旧链接").Append(new("__RequestVerificationToken", (await invitee.GetAsync("/account/login")).AntiforgeryToken!)));
        Assert.Contains("邀请链接无效", old.Text);
        Assert.Equal(before, await Site.StateAsync());

        Assert.Equal("/judging/profile", (await invitee.PostFormAsync(newLink, NewAccount("新链接"))).Location?.OriginalString);
        Assert.Equal(1, await Site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.invitation-resent" && e.Subject == $"invitation:{id}")));
    }

    [Fact]
    public async Task An_address_with_a_pending_invitation_to_the_role_is_refused_and_sent_nothing_more()
    {
        using var organizer = await Site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "twice@test.local");
        await Site.InvitationLinkAsync("twice@test.local");
        var before = await Site.StateAsync();

        var again = await organizer.InviteAsync(BuiltInRoles.Judge, "first-time@test.local\ntwice@test.local");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("第 2 行：twice@test.local 已有待接受的邀请，请在邀请列表中“重新发送”", again.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task The_address_of_a_disabled_account_is_refused_at_invitation_and_at_acceptance()
    {
        await Site.CreateUserAsync("disabled@test.local", SiteBuilders.Password, "Contestant");
        await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "disabled@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var organizer = await Site.OrganizerAsync();
        var before = await Site.StateAsync();

        var refused = await organizer.InviteAsync(BuiltInRoles.Judge, "disabled@test.local");

        Assert.Contains("第 1 行：disabled@test.local 的账号已停用，不能邀请", refused.Text);
        Assert.Equal(before, await Site.StateAsync());

        // Disabled after the invitation was sent: the link is refused.
        var user = await Site.CreateUserAsync("disabled-later@test.local", SiteBuilders.Password, "Contestant");
        await organizer.InviteAsync(BuiltInRoles.Judge, "disabled-later@test.local");
        var link = await Site.InvitationLinkAsync("disabled-later@test.local");
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(), $"/admin/users/{user.Id}?handler=ToggleDisabled")).Status);
        var afterDisabling = await Site.StateAsync();

        using var invitee = Site.NewClient();
        Assert.Contains("该邮箱的账号已停用，不能接受邀请", (await invitee.GetAsync(link)).Text);
        var posted = await invitee.PostAsync(link, [new("__RequestVerificationToken", (await invitee.GetAsync("/account/login")).AntiforgeryToken!)]);
        Assert.Contains("该邮箱的账号已停用，不能接受邀请", posted.Text);
        Assert.Equal(afterDisabling, await Site.StateAsync());
    }

    [Fact]
    public async Task A_csv_with_one_bad_row_of_five_imports_nothing_and_names_the_row_and_its_reason()
    {
        using var organizer = await Site.OrganizerAsync();
        var before = await Site.StateAsync();

        var page = await organizer.InviteCsvAsync(BuiltInRoles.Judge, InvitationTestKit.Utf8(
            "email,name,organization,expertise\n" +
            "csv1@test.local,甲,浙江大学,交通\n" +
            "csv2@test.local,乙,浙江工业大学,医疗\n" +
            "csv3@test.local,丙,杭州电子科技大学,教育\n" +
            "not-an-address,丁,宁波大学,环境\n" +
            "csv5@test.local,戊,温州大学,金融\n"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("第 5 行：邮箱地址格式不正确：not-an-address", page.Text);
        Assert.DoesNotContain("第 2 行", page.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task Every_bad_row_of_a_csv_is_listed_with_its_reason_and_nothing_is_imported()
    {
        await Site.CreateUserAsync("csv-disabled@test.local", SiteBuilders.Password, "Contestant");
        await Site.WithDbAsync(db => db.Users.Where(u => u.Email == "csv-disabled@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var organizer = await Site.OrganizerAsync();
        var before = await Site.StateAsync();

        var page = await organizer.InviteCsvAsync(BuiltInRoles.Judge, InvitationTestKit.Utf8(
            "email,name,organization,expertise\n" +
            "rows-a@test.local,甲,浙江大学,交通\n" +
            "ROWS-A@test.local,甲二,浙江大学,交通\n" +
            $"rows-c@test.local,{new string('名', 33)},浙江大学,交通\n" +
            $"rows-d@test.local,丁,{new string('单', 201)},交通\n" +
            "csv-disabled@test.local,戊,浙江大学,交通\n"));

        Assert.Contains("第 3 行：邮箱 ROWS-A@test.local 与第 2 行重复", page.Text);
        Assert.Contains("第 4 行：姓名最多 32 个字", page.Text);
        Assert.Contains("第 5 行：单位名称最多 200 个字", page.Text);
        Assert.Equal(before, await Site.StateAsync());

        // Checked once the lines are well formed: the disabled account.
        var disabled = await organizer.InviteCsvAsync(BuiltInRoles.Judge, InvitationTestKit.Utf8("email\nrows-f@test.local\ncsv-disabled@test.local\n"));
        Assert.Contains("第 3 行：csv-disabled@test.local 的账号已停用，不能邀请", disabled.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task A_csv_line_that_is_not_utf8_is_named_and_nothing_is_imported()
    {
        using var organizer = await Site.OrganizerAsync();
        var before = await Site.StateAsync();
        // "张三" in GBK, as Excel saves a CSV on a Chinese Windows.
        var csv = InvitationTestKit.Utf8("email,name\ngbk-ok@test.local,李四\ngbk@test.local,").Concat(new byte[] { 0xD5, 0xC5, 0xC8, 0xFD, (byte)'\n' }).ToArray();

        var page = await organizer.InviteCsvAsync(BuiltInRoles.Judge, csv);

        Assert.Contains("第 3 行：不是 UTF-8 编码", page.Text);
        Assert.DoesNotContain("第 2 行", page.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task Someone_signed_in_with_another_address_cannot_take_the_invitation()
    {
        using var organizer = await Site.OrganizerAsync();
        await organizer.InviteAsync(BuiltInRoles.Judge, "meant-for@test.local");
        var link = await Site.InvitationLinkAsync("meant-for@test.local");
        using var other = await Site.ContestantAsync("other-person@test.local");
        var before = await Site.StateAsync();

        var opened = await other.GetAsync(link);
        var posted = await other.PostAsync(link, NewAccount("冒名").Append(new("__RequestVerificationToken", (await other.GetAsync("/account/manage")).AntiforgeryToken!)));

        Assert.Contains("您当前登录的账号不是此邀请的收件邮箱", opened.Text);
        Assert.Contains("您当前登录的账号不是此邀请的收件邮箱", posted.Text);
        Assert.Equal(before, await Site.StateAsync());
    }

    [Fact]
    public async Task A_judge_who_is_not_an_organizer_is_refused_the_invite_form_and_nothing_is_stored()
    {
        await Site.JudgeAsync("plain-judge@test.local");
        using var judge = await Site.SignedInAsync("plain-judge@test.local");
        var before = await Site.StateAsync();

        var posted = await judge.InviteAsync(BuiltInRoles.Organizer, "accomplice@test.local", formPage: "/account/manage");
        var judgesOnly = await judge.InviteAsync(BuiltInRoles.Judge, "accomplice@test.local", formPage: "/account/manage");

        Assert.Contains("/account/access-denied", posted.Location!.OriginalString);
        Assert.Contains("/account/access-denied", judgesOnly.Location!.OriginalString);
        Assert.Contains("/account/access-denied", (await judge.GetAsync("/admin/invitations")).Location!.OriginalString);
        Assert.Equal(before, await Site.StateAsync());
        Assert.Equal(0, await Site.WithDbAsync(db => db.Invitations.CountAsync(i => i.Email == "accomplice@test.local")));
    }

    [Fact]
    public async Task Judges_are_invited_from_the_judging_admin_which_lists_their_invitations()
    {
        using var organizer = await Site.OrganizerAsync();

        var invited = await organizer.InviteAsync(BuiltInRoles.Judge, "from-judging@test.local", formPage: "/admin/judging", returnUrl: "/admin/judging");

        Assert.Equal("/admin/judging", invited.Location?.OriginalString);
        var page = await organizer.GetAsync("/admin/judging");
        Assert.Contains("邀请评委", page.Text);
        Assert.Contains("from-judging@test.local", page.Text);
        Assert.Contains("待接受", page.Text);
        await Site.InvitationMailAsync("from-judging@test.local");
    }

    [Fact]
    public async Task A_new_address_is_written_to_in_the_language_the_organizer_works_in()
    {
        using var organizer = await Site.OrganizerAsync();

        // The organizer works in English (the culture query parameter is the site's language switch for one request).
        var invited = await organizer.PostFormAsync("/admin/invitations",
            new Dictionary<string, string> { ["Form.Role"] = BuiltInRoles.Organizer, ["Form.Addresses"] = "english@test.local", ["ReturnUrl"] = "/admin/invitations" },
            InvitationTestKit.InviteAction + "&culture=en-US");

        Assert.Equal(HttpStatusCode.Redirect, invited.Status);
        var mail = await Site.InvitationMailAsync("english@test.local");
        Assert.Equal("You are invited to the platform of the Zhejiang Public Data Open Innovation Application Contest", mail.Subject);
        Assert.Contains("invites you to help run the platform", mail.TextBody);
        Assert.Contains("Accept the invitation: http://contest.test/account/invitation/", mail.TextBody);
    }

    private static Dictionary<string, string> NewAccount(string name) =>
        new() { ["Input.DisplayName"] = name, ["Input.Password"] = "Invited-pass-42", ["Input.ConfirmPassword"] = "Invited-pass-42" };
}
