using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;
using ContestSite.Web.Tests.Files;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// 社会贡献数据: an organization or a team's captain contributes a dataset of its own; it goes straight to the review
/// before opening and is public only once an organizer approves it, labelled as contributed. Every refusal (switch
/// off, a file that fails the entry files' checks, another's or a reviewed contribution, a classification that would
/// open what may not be opened, too many posts, no account) says why and stores nothing. Each test contributes with
/// accounts of its own on one shared site per provider; the switch, the rate limit and the race have sites of their own.
/// </summary>
public sealed class ContributionTests(ContributionTests.ContributionSites shared) : IClassFixture<ContributionTests.ContributionSites>
{
    /// <summary>The shared sites let one address post as often as the tests need; the rate-limit test runs with the real limits.</summary>
    public sealed class ContributionSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteFactory.CreateAsync(provider, settings: s =>
        {
            s["ContestSite:Throttling:PublicPost:PerAddress"] = "100000";
            s["ContestSite:Throttling:PublicPost:PerAccount"] = "100000";
        });
    }

    private static readonly byte[] DataZip = TestZips.WithFiles(("公交站点.csv", "站点名称,经度,纬度\n武林广场,120.16,30.27\n"u8.ToArray()));
    private static readonly byte[] Documentation = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    private static Dictionary<string, string> Form(string title, string? organization = "杭州城市大脑研究院", OpenType openType = OpenType.Unconditional, int level = 1,
        string fields = "站点名称\n经度\n纬度", string sensitive = "", ContributorKind kind = ContributorKind.Organization) => new()
    {
        ["Input.Kind"] = kind.ToString(), ["Input.Organization"] = organization ?? "", ["Input.Contact"] = "0571-88888888",
        ["Input.Title"] = title, ["Input.Description"] = "全市公交站点的名称和经纬度，每月更新，来自本院的实地采集。",
        ["Input.Domain"] = "交通出行", ["Input.UpdateFrequency"] = "每月", ["Input.Tags"] = "公交，站点", ["Input.Licence"] = "CC BY 4.0",
        ["Input.OpenType"] = openType.ToString(), ["Input.SensitivityLevel"] = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Fields"] = fields, ["Input.SensitiveFields"] = sensitive,
    };

    /// <summary>Posts the contribution form as a browser does (multipart, with the antiforgery token of the person's session).</summary>
    private static async Task<SiteClient.Page> ContributeAsync(SiteClient client, Dictionary<string, string> fields, string url = "/datasets/contribute",
        params (string Name, byte[] Content)[] files)
    {
        var token = (await client.GetAsync("/data-requests/new")).AntiforgeryToken;
        using var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        foreach (var (name, content) in files) form.Add(new ByteArrayContent(content), "files", name);
        using var response = await client.Http.PostAsync(url, form);
        return await SiteClient.Page.ReadAsync(response);
    }

    private static Task<SiteClient.Page> ContributeWithFilesAsync(SiteClient client, Dictionary<string, string> fields) =>
        ContributeAsync(client, fields, "/datasets/contribute", ("公交站点.zip", DataZip), ("数据说明.pdf", Documentation));

    private static Task<Guid?> FindAsync(SiteFactory site, string title) =>
        site.WithDbAsync(db => db.Datasets.Where(d => d.Title == title).Select(d => (Guid?)d.Id).SingleOrDefaultAsync());

    private static async Task<(Guid Id, SiteClient Contributor, string Email)> ContributedAsync(SiteFactory site, string title)
    {
        var email = NewEmail("contributor");
        var contributor = await site.ContestantAsync(email);
        var page = await ContributeWithFilesAsync(contributor, Form(title));
        Assert.True(page.Status == HttpStatusCode.Redirect, page.Text);
        return ((await FindAsync(site, title))!.Value, contributor, email);
    }

    /// <summary>What a refused step must leave as it was: the dataset, its fields and files, its reviews, mails and audit entries.</summary>
    private static Task<string> StateAsync(SiteFactory site, Guid id) => site.WithDbAsync(async db =>
    {
        var d = await db.Datasets.AsNoTracking().Include(x => x.Fields).Include(x => x.Resources).SingleAsync(x => x.Id == id);
        var reviews = await db.DatasetReviews.CountAsync(r => r.DatasetId == id);
        var audit = await db.AuditEntries.CountAsync(e => e.DatasetId == id);
        var mail = await db.Outbox.CountAsync(m => m.Subject.Contains(d.Title));
        return $"{d.Title}|{d.Description}|{d.Status}|{d.ReviewRound}|{d.OpenType}|{d.SensitivityLevel}|{string.Join(",", d.Fields.Select(f => f.Name))}|" +
            $"{d.Resources.Count}|reviews {reviews}|audit {audit}|mail {mail}";
    });

    private static string StoredPath(SiteFactory site, byte[] content)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        return Path.Combine(site.AppDataPath, "files", key[..2], key[2..4], key);
    }

    private static Task<SiteClient.Page> ReviewAsync(SiteFactory site, SiteClient reviewer, Guid id, Dictionary<string, string> assessment) =>
        ReviewTestKit.ReviewAsync(site, reviewer, id, assessment);

    private static Dictionary<string, string> Return(string reason) => new() { ["Form.Decision"] = nameof(ReviewDecision.Returned), ["Form.ReturnReason"] = reason };

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_contribution_goes_straight_to_review_and_is_public_with_its_label_only_after_an_organizer_approves_it(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var title = "杭州公交站点位置" + provider;
        var (id, contributor, email) = await ContributedAsync(site, title);
        using var visitor = site.CreateSiteClient();

        var dataset = await site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Resources).Include(d => d.Fields).SingleAsync(d => d.Id == id));
        var contribution = await site.WithDbAsync(db => db.DatasetContributions.AsNoTracking().SingleAsync(c => c.DatasetId == id));
        var contributorId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal((DatasetStatus.InReview, DatasetOrigin.Contributed, 1, contributorId), (dataset.Status, dataset.Origin, dataset.ReviewRound, dataset.SubmittedById));
        Assert.Equal(("杭州城市大脑研究院", "CC BY 4.0", OpenType.Unconditional, 1), (dataset.Provider, dataset.Licence, dataset.OpenType, dataset.SensitivityLevel));
        Assert.Equal(["公交站点.zip", "数据说明.pdf"], dataset.Resources.Select(r => r.FileName).Order());
        Assert.Equal(["站点名称", "经度", "纬度"], dataset.Fields.OrderBy(f => f.SortOrder).Select(f => f.Name));
        Assert.Equal((contributorId, ContributorKind.Organization, "0571-88888888"), (contribution.ContributorId, contribution.Kind, contribution.Contact));
        Assert.True(File.Exists(StoredPath(site, DataZip)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-contributed" && e.DatasetId == id && e.ActorId == contributorId)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/datasets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/datasets/{id}")).Status);
        Assert.Contains("审核中", (await contributor.GetAsync("/datasets/contributions")).Text);

        using var organizer = await site.OrganizerAsync();
        var queue = await organizer.GetAsync("/admin/datasets?status=InReview&origin=Contributed");
        Assert.Contains(title, queue.Text);
        Assert.Contains("社会贡献数据", queue.Text);
        var adminPage = await organizer.GetAsync($"/admin/datasets/{id}");
        Assert.Contains("0571-88888888", adminPage.Text);
        var approved = await ReviewAsync(site, organizer, id, ReviewTestKit.Approval());
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);

        var details = await visitor.GetAsync($"/datasets/{id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("社会贡献数据", details.Text);
        Assert.Contains("CC BY 4.0", details.Text);
        Assert.DoesNotContain("0571-88888888", details.Text);
        using (var api = JsonDocument.Parse((await visitor.GetAsync($"/api/datasets/{id}")).Html))
        {
            Assert.Equal("Contributed", api.RootElement.GetProperty("origin").GetString());
            Assert.Equal("CC BY 4.0", api.RootElement.GetProperty("licence").GetString());
        }
        var found = await CatalogTestKit.WaitForSearchAsync(site, visitor.Http, "origin=Contributed&q=" + Uri.EscapeDataString(title), r => CatalogTestKit.Total(r) == 1);
        Assert.Equal("Contributed", found.GetProperty("items")[0].GetProperty("origin").GetString());
        Assert.Contains(found.GetProperty("facets").GetProperty("origin").EnumerateArray(), v => v.GetProperty("value").GetString() == "Contributed");
        Assert.Equal(0, CatalogTestKit.Total(await CatalogTestKit.SearchAsync(visitor.Http, "origin=Government&q=" + Uri.EscapeDataString(title))));
        var results = await visitor.GetAsync("/datasets?q=" + Uri.EscapeDataString(title));
        Assert.Contains("社会贡献数据", results.Text);
        Assert.Contains("已发布", (await contributor.GetAsync("/datasets/contributions")).Text);
        Assert.True(await site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == email && m.Subject.Contains("您贡献的数据已发布"))));
    }

    [Fact]
    public async Task A_returned_contribution_mails_the_reason_and_the_contributor_corrects_and_resubmits_it()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var (id, contributor, email) = await ContributedAsync(site, "西湖景区客流统计");
        using var organizer = await site.OrganizerAsync();

        var returned = await ReviewAsync(site, organizer, id, Return("请补充数据的采集时间范围"));

        Assert.Equal(HttpStatusCode.Redirect, returned.Status);
        Assert.Equal(DatasetStatus.Draft, await ReviewTestKit.StatusAsync(site, id));
        var mail = await site.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Subject.Contains("被退回")));
        Assert.Contains("请补充数据的采集时间范围", mail.TextBody);
        Assert.Contains($"/datasets/contribute/{id}", mail.TextBody);
        var mine = await contributor.GetAsync("/datasets/contributions");
        Assert.Contains("已退回", mine.Text);
        Assert.Contains("请补充数据的采集时间范围", mine.Text);
        var edit = await contributor.GetAsync($"/datasets/contribute/{id}");
        Assert.Contains("西湖景区客流统计", edit.Html);

        var corrected = Form("西湖景区客流统计（2024 年）");
        corrected["Input.Description"] = "西湖景区各入口 2024 年 1 月至 12 月的逐时客流，来自本院的闸机计数。";
        var resubmitted = await ContributeAsync(contributor, corrected, $"/datasets/contribute/{id}");

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.Status);
        var after = await site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Resources).SingleAsync(d => d.Id == id));
        Assert.Equal((DatasetStatus.InReview, 2, "西湖景区客流统计（2024 年）", 2), (after.Status, after.ReviewRound, after.Title, after.Resources.Count));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-contributed" && e.DatasetId == id && e.Outcome == "resubmitted")));
    }

    [Fact]
    public async Task A_contributor_cannot_change_a_contribution_in_review_nor_anyone_elses_and_nothing_changes()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var (id, owner, _) = await ContributedAsync(site, "钱塘江潮位观测");
        var before = await StateAsync(site, id);
        var intruder = await site.ContestantAsync(NewEmail("intruder"));

        var peek = await intruder.GetAsync($"/datasets/contribute/{id}");
        var forged = await ContributeAsync(intruder, Form("被篡改的潮位数据"), $"/datasets/contribute/{id}", ("潮位.zip", DataZip));
        var ownWhileInReview = await ContributeAsync(owner, Form("审核中改名的潮位数据"), $"/datasets/contribute/{id}");

        Assert.Equal(HttpStatusCode.NotFound, peek.Status);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Contains("该贡献数据正在审核或已发布，不能修改", ownWhileInReview.Text);
        Assert.Equal(before, await StateAsync(site, id));
        Assert.Null(await FindAsync(site, "被篡改的潮位数据"));
    }

    public static TheoryData<string, string, byte[], string> BadFiles => new()
    {
        { "文本", "站点.csv", "站点名称,经度\n武林广场,120.16\n"u8.ToArray(), "无法识别文件内容，不是 ZIP 压缩包" },
        { "网页", "站点.zip", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "文件内容是 HTML 网页，不是 ZIP 压缩包" },
        { "程序", "站点.zip", [.. "MZ"u8, .. new byte[200]], "文件内容是 可执行程序，不是 ZIP 压缩包" },
        { "越界路径", "站点.zip", TestZips.WithFiles(("../../etc/站点.csv", "a,b\n"u8.ToArray())), "含有“..”路径，不允许" },
        { "空文件", "站点.zip", [], "文件是空的" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_fails_the_entry_file_checks_is_refused_with_their_message_and_nothing_is_stored(string what, string fileName, byte[] content, string message)
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var contributor = await site.ContestantAsync(NewEmail("bad-file"));
        var title = "坏文件的贡献数据" + what;
        var before = await site.WithDbAsync(db => db.DatasetContributions.CountAsync());

        var refused = await ContributeAsync(contributor, Form(title), "/datasets/contribute", ("说明.pdf", Documentation), (fileName, content));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Text);
        Assert.Null(await FindAsync(site, title));
        Assert.Equal(before, await site.WithDbAsync(db => db.DatasetContributions.CountAsync()));
        if (content.Length > 0) Assert.False(File.Exists(StoredPath(site, content)), "the refused file is not kept");
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.dataset-contributed" && e.Detail!.Contains(title))));
    }

    [Theory]
    [InlineData(OpenType.Prohibited, 1, "", "禁止开放的数据不能贡献到数据目录")]
    [InlineData(OpenType.Restricted, 4, "", "L4 级数据只能禁止开放，不能贡献到数据目录")]
    [InlineData(OpenType.Unconditional, 3, "", "L3 级数据不能无条件开放")]
    [InlineData(OpenType.Unconditional, 2, "经度", "含敏感字段（经度）的数据不能无条件开放，请选择受限开放")]
    [InlineData(OpenType.Restricted, 2, "身份证号", "敏感字段“身份证号”不在数据项中")]
    public async Task A_declared_classification_that_would_open_what_may_not_be_opened_is_refused_and_stores_nothing(OpenType openType, int level, string sensitive, string message)
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var contributor = await site.ContestantAsync(NewEmail("classification"));
        var title = $"分级不当的贡献数据 {openType} L{level} {sensitive}";

        var refused = await ContributeWithFilesAsync(contributor, Form(title, openType: openType, level: level, sensitive: sensitive));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(message, refused.Text);
        Assert.Null(await FindAsync(site, title));
    }

    [Fact]
    public async Task Restricted_data_with_declared_sensitive_fields_is_accepted_for_review_with_the_fields_marked()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var contributor = await site.ContestantAsync(NewEmail("restricted"));

        var page = await ContributeWithFilesAsync(contributor, Form("社区志愿者名册", openType: OpenType.Restricted, level: 3, fields: "姓名\n手机号\n服务时长", sensitive: "姓名\n手机号"));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var dataset = await site.WithDbAsync(db => db.Datasets.AsNoTracking().Include(d => d.Fields).SingleAsync(d => d.Title == "社区志愿者名册"));
        Assert.Equal((OpenType.Restricted, 3), (dataset.OpenType, dataset.SensitivityLevel));
        Assert.Equal(["姓名", "手机号"], dataset.Fields.Where(f => f.IsSensitive).OrderBy(f => f.SortOrder).Select(f => f.Name));
    }

    [Fact]
    public async Task Text_is_stored_without_control_characters_and_its_markup_is_shown_as_text()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var contributor = await site.ContestantAsync(NewEmail("markup"));
        var form = Form("\u0007萧山机场航班\u0001准点率 ");
        form["Input.Description"] = "航班准点率<script>alert(1)</script>，\r\n按日统计。\u0008";

        Assert.Equal(HttpStatusCode.Redirect, (await ContributeWithFilesAsync(contributor, form)).Status);

        var dataset = await site.WithDbAsync(db => db.Datasets.AsNoTracking().SingleAsync(d => d.Title == "萧山机场航班准点率"));
        Assert.Equal("航班准点率<script>alert(1)</script>，\n按日统计。", dataset.Description);
        using var organizer = await site.OrganizerAsync();
        await ReviewAsync(site, organizer, dataset.Id, ReviewTestKit.Approval());
        var details = await site.CreateSiteClient().GetAsync($"/datasets/{dataset.Id}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", details.Html);
        Assert.DoesNotContain("<script>alert(1)", details.Html);
    }

    [Fact]
    public async Task Only_a_captain_contributes_for_a_team_and_the_team_is_shown_as_the_provider()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        var teamName = await site.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.Name).SingleAsync());

        var byMember = await ContributeWithFilesAsync(team.Member, Form("团队采集的充电桩数据（队员）", organization: null, kind: ContributorKind.Team));
        var byCaptain = await ContributeWithFilesAsync(team.Captain, Form("团队采集的充电桩数据", organization: null, kind: ContributorKind.Team));

        Assert.Contains("只有本届大赛团队的队长可以代表团队贡献数据", byMember.Text);
        Assert.Null(await FindAsync(site, "团队采集的充电桩数据（队员）"));
        Assert.Equal(HttpStatusCode.Redirect, byCaptain.Status);
        var id = (await FindAsync(site, "团队采集的充电桩数据"))!.Value;
        Assert.Equal(teamName, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.Provider).SingleAsync()));
        Assert.Equal(team.Id, await site.WithDbAsync(db => db.DatasetContributions.Where(c => c.DatasetId == id).Select(c => c.TeamId).SingleAsync()));
    }

    [Fact]
    public async Task A_visitor_must_sign_in_to_contribute_and_an_anonymous_post_stores_nothing()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var visitor = site.CreateSiteClient();

        var form = await visitor.GetAsync("/datasets/contribute");
        var posted = await ContributeWithFilesAsync(visitor, Form("匿名贡献的数据"));

        Assert.Equal(HttpStatusCode.Redirect, form.Status);
        Assert.Contains("/account/login", form.Location!.ToString());
        Assert.True(posted.Status == HttpStatusCode.BadRequest || posted.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true, $"{posted.Status} {posted.Location}");
        Assert.Null(await FindAsync(site, "匿名贡献的数据"));
    }

    [Fact]
    public async Task With_contributions_turned_off_on_the_contest_form_the_page_says_closed_and_a_forged_post_stores_nothing()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        var contest = await site.WithDbAsync(db => db.Contests.AsNoTracking().SingleAsync(c => c.IsCurrent));
        var settings = new Dictionary<string, string>
        {
            ["Input.Name"] = contest.Name, ["Input.Year"] = contest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RegistrationOpensAt"] = ContestTime.ToInput(contest.RegistrationOpensAt), ["Input.RegistrationClosesAt"] = ContestTime.ToInput(contest.RegistrationClosesAt),
            ["Input.RosterLocksAt"] = ContestTime.ToInput(contest.RosterLocksAt),
            ["Input.MinTeamSize"] = contest.MinTeamSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MaxTeamSize"] = contest.MaxTeamSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // An unticked box sends only the hidden "false".
            ["Input.AcceptsContributions"] = "false",
        };
        Assert.True(contest.AcceptsContributions, "contributions are on by default");

        var saved = await organizer.PostFormAsync("/admin/contest", settings);
        var contributor = await site.ContestantAsync(NewEmail("closed"));
        var page = await contributor.GetAsync("/datasets/contribute");
        var forged = await ContributeWithFilesAsync(contributor, Form("关闭后伪造提交的数据"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.False(await site.WithDbAsync(db => db.Contests.Where(c => c.Id == contest.Id).Select(c => c.AcceptsContributions).SingleAsync()));
        Assert.Contains("本届大赛目前不接受社会贡献数据", page.Text);
        Assert.DoesNotContain("name=\"Input.Title\"", page.Html);
        Assert.Contains("本届大赛目前不接受社会贡献数据", forged.Text);
        Assert.Null(await FindAsync(site, "关闭后伪造提交的数据"));
        Assert.Equal(0, await site.WithDbAsync(db => db.DatasetContributions.CountAsync()));
        Assert.False(File.Exists(StoredPath(site, DataZip)));

        settings["Input.AcceptsContributions"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await organizer.PostFormAsync("/admin/contest", settings)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ContributeWithFilesAsync(contributor, Form("重新开放后提交的数据"))).Status);
    }

    [Fact]
    public async Task Contributing_past_the_limit_is_refused_with_429_and_stores_nothing_more()
    {
        await using var site = await SiteFactory.CreateAsync();
        var contributor = await site.ContestantAsync(NewEmail("flood"));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) answers.Add((await ContributeWithFilesAsync(contributor, Form($"批量贡献数据第{i}份"))).Status);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(5, await site.WithDbAsync(db => db.Datasets.CountAsync(d => d.Title.StartsWith("批量贡献数据"))));
    }

    [Fact]
    public async Task A_contribution_held_while_an_organizer_turns_contributions_off_is_refused_and_stores_nothing()
    {
        var gate = new SwitchGate();
        await using var site = await SiteFactory.CreateAsync(TestProvider.Postgres, services: s => s.AddSingleton<IInterceptor>(gate));
        var contributor = await site.ContestantAsync(NewEmail("race"));
        gate.Armed = true;

        // The contribution has read the switch (on) and checked its files; it is held just before it takes the switch under lock.
        var contributing = ContributeWithFilesAsync(contributor, Form("关闭时正在提交的数据"));
        await gate.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        await site.WithDbAsync(db => db.Contests.Where(c => c.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptsContributions, false)));
        gate.Release();
        var page = await contributing;

        Assert.Contains("本届大赛目前不接受社会贡献数据", page.Text);
        Assert.Null(await FindAsync(site, "关闭时正在提交的数据"));
        Assert.Equal(0, await site.WithDbAsync(db => db.DatasetContributions.CountAsync()));
        Assert.False(File.Exists(StoredPath(site, DataZip)), "no file is kept for a contribution refused at the last moment");
    }

    /// <summary>Holds the contribution's locking read of the switch (the first update naming it) until the test has turned the switch off.</summary>
    private sealed class SwitchGate : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Armed { get; set; }
        public Task Arrived => _arrived.Task;
        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains(nameof(Core.Contests.Contest.AcceptsContributions), StringComparison.Ordinal))
            {
                // Once: the test's own "off" passes.
                Armed = false;
                _arrived.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return result;
        }
    }
}
