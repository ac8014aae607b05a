using System.Net;
using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>
/// 销毁: an ended approval whose team received files owes a close-out, mailed to the captain and reminded once; the
/// captain attests every received file; organizers see, and escalate, the overdue ones.
/// Tests that move the clock to a reminder, a deadline or the contest's end, or count what the whole site mailed or audited,
/// have a site of their own; the others share one per provider, each with a team, a dataset and an approval of its own.
/// </summary>
public sealed class CloseOutTests(CloseOutTests.Sites sites) : IClassFixture<CloseOutTests.Sites>
{
    /// <summary>
    /// The sites the tests share: no reminders, so a test that moves the clock past another test's reminder day mails nobody
    /// (the reminder tests have sites of their own).
    /// </summary>
    public sealed class Sites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) =>
            SiteFactory.CreateAsync(provider, now: TeamTestKit.DuringRegistration, settings: s => s["ContestSite:Bundles:CloseOutReminderDays"] = "0");
    }

    /// <summary>
    /// A team of its own on the shared site that received a restricted file under an approval of its own. The approval lasts
    /// three days: each test moves the shared clock past its end, and many tests fit before the contest ends.
    /// </summary>
    private async Task<(SiteFactory Site, CloseOutTestKit.Received Received)> ReceivedOnSharedSiteAsync(TestProvider provider = TestProvider.Sqlite, bool download = true)
    {
        var site = await sites.ForAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        return (site, await site.TeamThatReceivedAsync($"captain-{tag}@example.com", "救助地图队" + tag, download, days: 3));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_team_that_received_a_file_owes_a_close_out_when_its_approval_expires_and_the_captain_is_mailed_once_with_the_deadline_and_a_link(TestProvider provider)
    {
        var (site, received) = await ReceivedOnSharedSiteAsync(provider);

        var before = await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(-10));
        Assert.Empty(before.Created);
        Assert.Empty(await site.CloseOutsAsync(received));

        var pass = await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        Assert.Equal(CloseOutState.Owed, closeOut.State);
        Assert.Equal(CloseOutEnd.Expired, closeOut.EndReason);
        Assert.Equal(received.ExpiresAt, closeOut.EndedAt);
        Assert.Equal(received.ExpiresAt.AddDays(14), closeOut.DueAt);
        var mail = Assert.Single(await site.MailsAsync(CloseOutTestKit.OwedSubject, received.Team.CaptainEmail));
        Assert.Contains($"{SiteFactory.PublicBaseUrl}/bundles/closeouts/{closeOut.Id}", mail.TextBody);
        Assert.Contains(ContestTime.Display(closeOut.DueAt), mail.TextBody);

        var again = await site.Job().RunOnceAsync();
        Assert.Empty(again.Created);
        Assert.Single(await site.CloseOutsAsync(received));
        Assert.Single(await site.MailsAsync(CloseOutTestKit.OwedSubject, received.Team.CaptainEmail));
        await site.Smtp.WaitForAsync(received.Team.CaptainEmail, m => m.Subject == CloseOutTestKit.OwedSubject);
    }

    [Fact]
    public async Task A_team_that_received_no_file_owes_nothing_when_its_approval_expires()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync(download: false);

        await site.CloseOutPassAtAsync(received.ExpiresAt.AddDays(1));

        Assert.Empty(await site.CloseOutsAsync(received));
        Assert.Empty(await site.MailsAsync(CloseOutTestKit.OwedSubject, received.Team.CaptainEmail));
    }

    [Fact]
    public async Task Restricted_files_received_inside_the_bundle_are_owed_and_count_once_for_the_risk_warning()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync(download: false);
        await site.PutInBundleAsync(await site.WithDbAsync(db => db.Teams.Where(t => t.Id == received.Team.Id).Select(t => t.TrackId).SingleAsync()), received.Data.Id);
        var zip = await received.Team.Captain.DownloadBundleAsync();  // before the approval ends: the sign-in is fresh
        Assert.Contains(zip.Names, n => n.EndsWith("people.csv", StringComparison.Ordinal));

        var rows = await site.WithDbAsync(db => db.DownloadRecords.AsNoTracking().Where(r => r.TeamId == received.Team.Id).ToListAsync());
        Assert.Single(rows, r => !r.InBundle && r.DatasetId == null);
        var inBundle = Assert.Single(rows, r => r.InBundle);
        Assert.Equal(received.Data.FileId, inBundle.ResourceId);
        Assert.DoesNotContain("resourceId", zip.Text("manifest.json"), StringComparison.OrdinalIgnoreCase);

        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var page = await (await site.CaptainAsync(received)).GetAsync($"/bundles/closeouts/{closeOut.Id}");
        Assert.Contains("people.csv", page.Text);
    }

    [Fact]
    public async Task The_contest_ending_while_an_approval_is_live_ends_it_and_the_close_out_runs_from_the_contest_end()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var received = await site.TeamThatReceivedAsync(days: 200);
        var contestEnd = await site.WithDbAsync(async db => (await db.Rounds.Select(r => r.ReviewClosesAt).ToListAsync()).Max());
        Assert.True(contestEnd < received.ExpiresAt);

        await site.CloseOutPassAtAsync(contestEnd.AddMinutes(1));

        var closeOut = Assert.Single(await site.CloseOutsAsync());
        Assert.Equal(CloseOutEnd.ContestEnded, closeOut.EndReason);
        Assert.Equal(contestEnd, closeOut.EndedAt);
    }

    [Fact]
    public async Task A_revoked_approval_owes_a_close_out_from_the_moment_it_was_revoked()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        site.Clock.Advance(TimeSpan.FromDays(2));
        var revokedAt = site.Clock.GetUtcNow();
        using var organizer = await site.OrganizerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.DecideAsync(received.ApplicationId, "Revoke", new() { ["reason"] = "用途超出申请范围" })).Status);

        await site.CloseOutPassAtAsync(revokedAt.AddMinutes(1));

        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        Assert.Equal(CloseOutEnd.Revoked, closeOut.EndReason);
        Assert.Equal(revokedAt.AddDays(14), closeOut.DueAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_captain_is_reminded_once_three_days_before_the_deadline_and_not_after_attesting()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var received = await site.TeamThatReceivedAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync());

        Assert.Empty((await site.CloseOutPassAtAsync(closeOut.DueAt.AddDays(-3).AddMinutes(-10))).Reminded);
        var pass = await site.CloseOutPassAtAsync(closeOut.DueAt.AddDays(-3).AddMinutes(1));
        Assert.Equal([closeOut.Id], pass.Reminded);
        Assert.Empty((await site.Job().RunOnceAsync()).Reminded);
        var reminder = Assert.Single(await site.MailsAsync(CloseOutTestKit.ReminderSubject));
        Assert.Equal("captain@example.com", reminder.ToAddress);
        Assert.Contains($"/bundles/closeouts/{closeOut.Id}", reminder.TextBody);
    }

    [Fact]
    public async Task No_reminder_goes_to_a_team_that_has_already_attested()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var received = await site.TeamThatReceivedAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync());
        var attested = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, attested.Status);

        var pass = await site.CloseOutPassAtAsync(closeOut.DueAt.AddDays(-2));

        Assert.Empty(pass.Reminded);
        Assert.Empty(await site.MailsAsync(CloseOutTestKit.ReminderSubject));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_captain_attests_every_received_file_and_it_is_stored_audited_and_shown_to_the_team_and_on_the_application(TestProvider provider)
    {
        var (site, received) = await ReceivedOnSharedSiteAsync(provider);
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var form = await (await site.CaptainAsync(received)).GetAsync($"/bundles/closeouts/{closeOut.Id}");
        Assert.Contains("people.csv", form.Text);
        Assert.Contains(CloseOutRules.Statement, form.Text);
        var deletedOn = CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()).AddDays(-1);

        var attested = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], deletedOn);

        Assert.Equal(HttpStatusCode.Redirect, attested.Status);
        var stored = Assert.Single(await site.CloseOutsAsync(received));
        Assert.Equal(CloseOutState.Attested, stored.State);
        Assert.Equal(deletedOn, stored.Attestation!.DeletedOn);
        Assert.Equal(CloseOutRules.Statement, stored.Attestation.Statement);
        Assert.Equal(["people.csv"], stored.Attestation.Files.Select(f => f.FileName));
        Assert.True(await site.AuditedAsync("data.closeout-attested", "ok", received.Team.Id, received.Data.Id));
        Assert.Contains("已提交销毁声明", (await (await site.MemberAsync(received)).GetAsync("/bundles")).Text);
        using var organizer = await site.OrganizerAsync();
        var application = await organizer.GetAsync($"/admin/data-applications/{received.ApplicationId}");
        Assert.Contains("已提交销毁声明", application.Text);
        Assert.Contains("people.csv", application.Text);
        Assert.Contains((await site.TeamAsync(received.Team.Id)).Name, (await organizer.GetAsync("/admin/data-closeouts?filter=Attested")).Text);
    }

    [Fact]
    public async Task Attesting_a_file_the_team_never_received_is_refused_and_nothing_is_stored()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        var other = await site.DatasetAsync("另一数据集", fileName: "other.csv");
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var before = await site.AttestationStateAsync();

        var forged = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId, other.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("所选文件中有本团队未曾获取的文件", forged.Text);
        Assert.Equal(before, await site.AttestationStateAsync());
        Assert.Equal(CloseOutState.Owed, (await site.CloseOutsAsync(received)).Single().State);
    }

    [Fact]
    public async Task Attesting_without_ticking_every_received_file_is_refused_and_nothing_is_stored()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var before = await site.AttestationStateAsync();

        var partial = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()));

        Assert.Contains("请逐一勾选本团队获取过的全部文件", partial.Text);
        Assert.Equal(before, await site.AttestationStateAsync());
    }

    [Fact]
    public async Task A_member_who_is_not_the_captain_cannot_attest_and_nothing_is_stored()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var before = await site.AttestationStateAsync();
        var view = await (await site.MemberAsync(received)).GetAsync($"/bundles/closeouts/{closeOut.Id}");
        Assert.Contains("销毁声明由队长提交", view.Text);

        var attempt = await (await site.MemberAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()),
            tokenFromApplyFormOf: received.Data.Id);

        Assert.Contains("只有队长可以提交数据销毁声明", attempt.Text);
        Assert.Equal(before, await site.AttestationStateAsync());
    }

    [Fact]
    public async Task Another_teams_captain_cannot_see_or_attest_the_close_out_and_nothing_is_stored()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        var strangerEmail = $"stranger-{Guid.NewGuid():N}@example.com";
        var stranger = await site.ApprovedTeamAsync("另一队" + strangerEmail[9..15], strangerEmail);
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var before = await site.AttestationStateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await site.SignedInAsync(strangerEmail)).GetAsync($"/bundles/closeouts/{closeOut.Id}")).Status);

        var attempt = await (await site.SignedInAsync(strangerEmail)).AttestAsync(closeOut.Id, [received.Data.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()),
            tokenFromApplyFormOf: received.Data.Id);

        Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        Assert.Equal(before, await site.AttestationStateAsync());
    }

    [Fact]
    public async Task A_second_attestation_is_refused_and_the_first_is_kept()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var today = CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Redirect, (await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], today.AddDays(-2))).Status);
        var before = await site.AttestationStateAsync();

        var second = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], today, tokenFromApplyFormOf: received.Data.Id);

        Assert.Contains("该数据的销毁声明已经提交，不能重复提交", second.Text);
        Assert.Equal(before, await site.AttestationStateAsync());
        Assert.Equal(today.AddDays(-2), (await site.CloseOutsAsync(received)).Single().Attestation!.DeletedOn);
    }

    [Fact]
    public async Task A_deletion_date_in_the_future_or_before_the_first_receipt_is_refused_and_nothing_is_stored()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var before = await site.AttestationStateAsync();
        var today = CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow());

        var future = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], today.AddDays(1));
        var early = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], new DateOnly(2020, 1, 1));
        var none = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], null);
        var unconfirmed = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], today, confirmed: false);

        Assert.Contains("删除日期不能晚于今天", future.Text);
        Assert.Contains("删除日期不能早于首次获取数据的日期", early.Text);
        Assert.Contains("请填写删除日期", none.Text);
        Assert.Contains("请勾选确认销毁声明", unconfirmed.Text);
        Assert.Equal(before, await site.AttestationStateAsync());
    }

    [Fact]
    public async Task An_overdue_close_out_is_urgent_in_the_inbox_and_escalating_it_mails_the_whole_team_once()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var received = await site.TeamThatReceivedAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync());
        using var organizer = await site.OrganizerAsync();
        Assert.DoesNotContain("逾期未提交的数据销毁声明", (await organizer.GetAsync("/admin")).Text);
        var early = await organizer.PostFormAsync("/admin/data-closeouts?filter=All", new Dictionary<string, string> { ["closeOutId"] = closeOut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "请尽快" },
            "/admin/data-closeouts?handler=Escalate&filter=All");
        Assert.Contains("尚未逾期，不能督办", early.Text);

        await site.CloseOutPassAtAsync(closeOut.DueAt.AddMinutes(1));
        Assert.Contains("逾期未提交的数据销毁声明：1 项", (await organizer.GetAsync("/admin")).Text);
        var list = await organizer.GetAsync("/admin/data-closeouts");
        Assert.Contains("救助地图队", list.Text);
        Assert.Contains("已逾期，未提交", list.Text);

        var escalated = await organizer.PostFormAsync("/admin/data-closeouts", new Dictionary<string, string> { ["closeOutId"] = closeOut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "请于三日内提交" },
            "/admin/data-closeouts?handler=Escalate");

        Assert.Equal(HttpStatusCode.Redirect, escalated.Status);
        var stored = Assert.Single(await site.CloseOutsAsync());
        Assert.Equal(CloseOutState.Escalated, stored.State);
        Assert.Equal("请于三日内提交", stored.EscalationNote);
        var mails = await site.MailsAsync(CloseOutTestKit.EscalationSubject);
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.ToAddress == "captain@example.com");
        Assert.All(mails, m => Assert.Contains("请于三日内提交", m.TextBody));
        Assert.True(await site.AuditedAsync("data.closeout-escalated", "ok", received.Team.Id, received.Data.Id));
        Assert.DoesNotContain("逾期未提交的数据销毁声明", (await organizer.GetAsync("/admin")).Text);
        var twice = await organizer.PostFormAsync("/admin/data-closeouts", new Dictionary<string, string> { ["closeOutId"] = closeOut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "再次督办" },
            "/admin/data-closeouts?handler=Escalate");
        Assert.Contains("该项已经督办过", twice.Text);
        Assert.Equal(2, (await site.MailsAsync(CloseOutTestKit.EscalationSubject)).Count);
    }

    [Fact]
    public async Task Escalating_an_attested_close_out_is_refused_and_nothing_is_mailed()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var received = await site.TeamThatReceivedAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()))).Status);
        await site.CloseOutPassAtAsync(closeOut.DueAt.AddMinutes(1));
        using var organizer = await site.OrganizerAsync();

        var refused = await organizer.PostFormAsync("/admin/data-closeouts?filter=All", new Dictionary<string, string> { ["closeOutId"] = closeOut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "督办" },
            "/admin/data-closeouts?handler=Escalate&filter=All");

        Assert.Contains("该团队已提交销毁声明，不能督办", refused.Text);
        Assert.Equal(CloseOutState.Attested, (await site.CloseOutsAsync()).Single().State);
        Assert.Empty(await site.MailsAsync(CloseOutTestKit.EscalationSubject));
        Assert.False(await site.AuditedAsync("data.closeout-escalated", "ok"));
    }

    [Fact]
    public async Task A_close_out_owed_after_a_new_approval_for_the_same_dataset_can_still_be_attested_for_the_files_of_the_old_one()
    {
        var (site, received) = await ReceivedOnSharedSiteAsync();
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var closeOut = Assert.Single(await site.CloseOutsAsync(received));
        var renewed = await site.ApprovedApplicationAsync(await site.CaptainAsync(received), received.Team.Id, received.Data.Id, days: 3);
        Assert.NotEqual(received.ApplicationId, renewed);

        var attested = await (await site.CaptainAsync(received)).AttestAsync(closeOut.Id, [received.Data.FileId], CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Redirect, attested.Status);
        Assert.Equal(CloseOutState.Attested, (await site.CloseOutsAsync(received)).Single().State);
        // The new approval's own close-out covers only what is received under it: nothing yet, so nothing is owed when it ends.
        var newExpiry = await site.WithDbAsync(db => db.AccessApplications.Where(a => a.Id == renewed).Select(a => a.ExpiresAt!.Value).SingleAsync());
        await site.CloseOutPassAtAsync(newExpiry.AddMinutes(1));
        Assert.Single(await site.CloseOutsAsync(received));
    }
}
