using System.Net;
using ContestSite.Core.Teams;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Contests;

/// <summary>The refused settings share one site (nothing may change on it); the settings that are saved have their own.</summary>
public sealed class ContestSettingsTests(SharedSite shared) : IClassFixture<SharedSite>
{
    /// <summary>Before 初赛's review opens (2020-11-01 China time): its rubric may still change (<see cref="ContestSite.Core.Contests.RubricLock"/>).</summary>
    private static readonly DateTimeOffset BeforeReview = new(2020, 10, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private static Dictionary<string, string> ContestForm(string opens = "2020-08-01T00:00", string closes = "2020-09-30T18:00", int min = 1, int max = 6) => new()
    {
        ["Input.Name"] = "2020 浙江省数据开放创新应用大赛",
        ["Input.Year"] = "2020",
        ["Input.RegistrationOpensAt"] = opens,
        ["Input.RegistrationClosesAt"] = closes,
        ["Input.RosterLocksAt"] = "2020-10-15T18:00",
        ["Input.MinTeamSize"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.MaxTeamSize"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Description"] = "说明",
    };

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_organizer_changes_team_size_and_dates_in_Beijing_time_and_the_change_is_audited(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        using var client = await site.OrganizerAsync();

        var saved = await client.PostFormAsync("/admin/contest", ContestForm(closes: "2020-10-08T12:30", max: 6));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var contest = await site.WithDbAsync(db => db.Contests.SingleAsync());
        Assert.Equal(6, contest.MaxTeamSize);
        Assert.Equal(new DateTimeOffset(2020, 10, 8, 4, 30, 0, TimeSpan.Zero), contest.RegistrationClosesAt);
        Assert.Contains("value=\"2020-10-08T12:30\"", (await client.GetAsync("/admin/contest")).Html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "contest.settings-changed")));
    }

    [Theory]
    [InlineData("2020-09-30T18:00", "2020-08-01T00:00", 1, 5, "报名截止时间须晚于报名开始时间")]
    [InlineData("2020-08-01T00:00", "2020-09-30T18:00", 4, 2, "团队最多人数不能少于最少人数")]
    [InlineData("yesterday", "2020-09-30T18:00", 1, 5, "时间格式不正确")]
    public async Task Contest_settings_that_make_no_sense_are_refused_and_nothing_changes(string opens, string closes, int min, int max, string message)
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Contests.AsNoTracking().SingleAsync());

        var page = await client.PostFormAsync("/admin/contest", ContestForm(opens, closes, min, max));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
        var after = await site.WithDbAsync(db => db.Contests.AsNoTracking().SingleAsync());
        Assert.Equal((before.RegistrationOpensAt, before.RegistrationClosesAt, before.MinTeamSize, before.MaxTeamSize),
            (after.RegistrationOpensAt, after.RegistrationClosesAt, after.MinTeamSize, after.MaxTeamSize));
    }

    [Fact]
    public async Task The_organizer_adds_a_track_and_a_duplicate_name_is_refused()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = await site.OrganizerAsync();

        await client.PostFormAsync("/admin/contest", new Dictionary<string, string> { ["trackName"] = "数字文旅", ["trackDescription"] = "文化和旅游" }, "/admin/contest?handler=SaveTrack");
        await client.PostFormAsync("/admin/contest", new Dictionary<string, string> { ["trackName"] = "数字文旅" }, "/admin/contest?handler=SaveTrack");

        Assert.Equal(1, await site.WithDbAsync(db => db.Tracks.CountAsync(t => t.Name == "数字文旅")));
        Assert.Contains("已有同名赛道", (await client.GetAsync("/admin/contest")).Text);
    }

    [Fact]
    public async Task The_organizer_edits_a_round_and_its_rubric()
    {
        await using var site = await SiteFactory.CreateAsync(now: BeforeReview);
        using var client = await site.OrganizerAsync();
        var round = await site.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Sequence == 1));

        var saved = await client.PostFormAsync($"/admin/contest/rounds/{round.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "初赛", ["Input.Sequence"] = "1",
            ["Input.SubmissionOpensAt"] = "2020-08-15T00:00", ["Input.SubmissionClosesAt"] = "2020-11-01T18:00",
            ["Input.ReviewOpensAt"] = "2020-11-02T00:00", ["Input.ReviewClosesAt"] = "2020-11-12T18:00",
            ["Input.JudgesPerEntry"] = "4", ["Input.AdvanceCount"] = "20", ["Input.BlindReview"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await client.PostFormAsync($"/admin/contest/rounds/{round.Id}", new Dictionary<string, string>
        {
            ["criterion.Name"] = "安全合规", ["criterion.Weight"] = "5", ["criterion.MaxScore"] = "10", ["criterion.WholeNumbersOnly"] = "true",
        }, $"/admin/contest/rounds/{round.Id}?handler=SaveCriterion");

        var after = await site.WithDbAsync(db => db.Rounds.Include(r => r.Criteria).SingleAsync(r => r.Id == round.Id));
        Assert.Equal(4, after.JudgesPerEntry);
        Assert.Equal(20, after.AdvanceCount);
        Assert.Contains(after.Criteria, c => c.Name == "安全合规" && c.Weight == 5);
        Assert.Contains("权重合计为 105", (await client.GetAsync($"/admin/contest/rounds/{round.Id}")).Text);
    }

    [Fact]
    public async Task A_criterion_with_a_zero_weight_is_refused()
    {
        await using var site = await SiteFactory.CreateAsync(now: BeforeReview);
        using var client = await site.OrganizerAsync();
        var round = await site.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Sequence == 1));

        await client.PostFormAsync($"/admin/contest/rounds/{round.Id}", new Dictionary<string, string>
        {
            ["criterion.Name"] = "无权重", ["criterion.Weight"] = "0", ["criterion.MaxScore"] = "10",
        }, $"/admin/contest/rounds/{round.Id}?handler=SaveCriterion");

        Assert.False(await site.WithDbAsync(db => db.RubricCriteria.AnyAsync(c => c.Name == "无权重")));
        Assert.Contains("权重须大于 0", (await client.GetAsync($"/admin/contest/rounds/{round.Id}")).Text);
    }

    [Fact]
    public async Task A_year_that_is_not_a_number_gets_a_message_in_the_visitors_language()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = await site.OrganizerAsync();
        var form = ContestForm();
        form["Input.Year"] = "二〇二〇";

        var page = await client.PostFormAsync("/admin/contest", form);

        Assert.Contains("填写的值“二〇二〇”无效。", page.Text);
        Assert.Equal(2020, await site.WithDbAsync(db => db.Contests.Select(c => c.Year).SingleAsync()));
    }

    [Fact]
    public async Task A_track_that_a_team_belongs_to_cannot_be_deleted_and_stays_with_its_team()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = await site.OrganizerAsync();
        var track = await site.WithDbAsync(async db =>
        {
            var contest = await db.Contests.Include(c => c.Tracks).FirstAsync();
            db.Teams.Add(new Team { ContestId = contest.Id, TrackId = contest.Tracks[0].Id, Name = "赛道队", NameKey = "赛道队", OrganizationName = "浙江大学" });
            await db.SaveChangesAsync();
            return contest.Tracks[0];
        });

        await client.PostFormAsync("/admin/contest", new Dictionary<string, string> { ["trackId"] = track.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/admin/contest?handler=DeleteTrack");

        Assert.True(await site.WithDbAsync(db => db.Tracks.AnyAsync(t => t.Id == track.Id && t.Name == track.Name)));
        Assert.Contains("该赛道已有团队或作品，不能删除", (await client.GetAsync("/admin/contest")).Text);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "contest.track-deleted")));
    }

    [Fact]
    public async Task A_second_round_with_the_order_of_the_first_is_refused_and_no_round_is_added()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Rounds.CountAsync());

        var page = await client.PostFormAsync("/admin/contest/rounds/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "加赛", ["Input.Sequence"] = "1",
            ["Input.SubmissionOpensAt"] = "2020-08-15T00:00", ["Input.SubmissionClosesAt"] = "2020-11-01T18:00",
            ["Input.ReviewOpensAt"] = "2020-11-02T00:00", ["Input.ReviewClosesAt"] = "2020-11-12T18:00",
            ["Input.JudgesPerEntry"] = "3",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("已有相同顺序的轮次", page.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task A_criterion_is_deleted_from_the_rubric_and_the_deletion_is_audited()
    {
        await using var site = await SiteFactory.CreateAsync(now: BeforeReview);
        using var client = await site.OrganizerAsync();
        var criterion = await site.WithDbAsync(db => db.RubricCriteria.OrderBy(c => c.Id).FirstAsync());
        var id = criterion.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var deleted = await client.PostFormAsync($"/admin/contest/rounds/{criterion.RoundId}", new Dictionary<string, string> { ["criterionId"] = id },
            $"/admin/contest/rounds/{criterion.RoundId}?handler=DeleteCriterion");
        var missing = await client.PostFormAsync($"/admin/contest/rounds/{criterion.RoundId}", new Dictionary<string, string> { ["criterionId"] = id },
            $"/admin/contest/rounds/{criterion.RoundId}?handler=DeleteCriterion");

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.False(await site.WithDbAsync(db => db.RubricCriteria.AnyAsync(c => c.Id == criterion.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "contest.rubric-deleted" && e.Detail == criterion.Name)));
    }

    [Theory]
    [InlineData(1, "2020-07-20T00:00", "2020-10-31T18:00", "2020-11-01T00:00", "2020-11-10T18:00", "的提交开始时间（2020-07-20 00:00）不能早于报名开始时间")]
    [InlineData(1, "2020-08-15T00:00", "2020-09-20T18:00", "2020-09-21T00:00", "2020-09-25T18:00", "的提交截止时间（2020-09-20 18:00）不能早于报名截止时间")]
    [InlineData(1, "2020-08-15T00:00", "2020-10-31T18:00", "2020-11-01T00:00", "2020-12-05T18:00", "的评审开始时间（2020-12-01 00:00）不能早于上一轮")]
    [InlineData(2, "2020-10-20T00:00", "2020-11-30T18:00", "2020-12-01T00:00", "2020-12-08T18:00", "的提交开始时间（2020-10-20 00:00）不能早于上一轮")]
    [InlineData(3, "2020-12-10T00:00", "2020-12-15T18:00", "2020-12-05T09:00", "2020-12-18T18:00", "的评审开始时间（2020-12-05 09:00）不能早于上一轮")]
    public async Task A_round_whose_dates_are_out_of_order_with_registration_or_the_other_rounds_is_refused_and_nothing_changes(
        int sequence, string submissionOpens, string submissionCloses, string reviewOpens, string reviewCloses, string message)
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();
        var before = await RoundDatesAsync(site);
        var round = before.Single(r => r.Sequence == sequence);

        var page = await client.PostFormAsync($"/admin/contest/rounds/{round.Id}", new Dictionary<string, string>
        {
            ["Input.Name"] = round.Name, ["Input.Sequence"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SubmissionOpensAt"] = submissionOpens, ["Input.SubmissionClosesAt"] = submissionCloses,
            ["Input.ReviewOpensAt"] = reviewOpens, ["Input.ReviewClosesAt"] = reviewCloses, ["Input.JudgesPerEntry"] = "3",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
        Assert.Equal(before, await RoundDatesAsync(site));
        Assert.Equal(0, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "contest.round-saved")));
    }

    [Fact]
    public async Task A_new_round_that_opens_before_the_last_round_closes_is_refused_and_no_round_is_added()
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();
        var before = await RoundDatesAsync(site);

        var page = await client.PostFormAsync("/admin/contest/rounds/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "加赛", ["Input.Sequence"] = "4",
            ["Input.SubmissionOpensAt"] = "2020-12-12T00:00", ["Input.SubmissionClosesAt"] = "2020-12-20T18:00",
            ["Input.ReviewOpensAt"] = "2020-12-21T00:00", ["Input.ReviewClosesAt"] = "2020-12-25T18:00", ["Input.JudgesPerEntry"] = "3",
        });

        Assert.Contains("“加赛”的提交开始时间（2020-12-12 00:00）不能早于上一轮“决赛”的提交截止时间（2020-12-15 18:00）", page.Text);
        Assert.Equal(before, await RoundDatesAsync(site));
    }

    [Theory]
    [InlineData("2020-08-20T00:00", "2020-09-30T18:00", "的提交开始时间（2020-08-15 00:00）不能早于报名开始时间（2020-08-20 00:00）")]
    [InlineData("2020-08-01T00:00", "2020-11-05T18:00", "的提交截止时间（2020-10-31 18:00）不能早于报名截止时间（2020-11-05 18:00）")]
    public async Task Registration_dates_that_the_rounds_would_precede_are_refused_and_nothing_changes(string opens, string closes, string message)
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Contests.AsNoTracking().Select(c => new { c.RegistrationOpensAt, c.RegistrationClosesAt }).SingleAsync());

        var page = await client.PostFormAsync("/admin/contest", ContestForm(opens, closes));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.Contests.AsNoTracking().Select(c => new { c.RegistrationOpensAt, c.RegistrationClosesAt }).SingleAsync()));
    }

    private sealed record RoundDates(int Id, int Sequence, string Name, DateTimeOffset SubmissionOpensAt, DateTimeOffset SubmissionClosesAt, DateTimeOffset ReviewOpensAt, DateTimeOffset ReviewClosesAt);

    private static async Task<List<RoundDates>> RoundDatesAsync(SiteFactory site) =>
        (await site.WithDbAsync(db => db.Rounds.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync()))
        .Select(r => new RoundDates(r.Id, r.Sequence, r.Name, r.SubmissionOpensAt, r.SubmissionClosesAt, r.ReviewOpensAt, r.ReviewClosesAt)).ToList();
}
