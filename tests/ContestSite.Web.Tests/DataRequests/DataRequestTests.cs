using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Core.DataRequests;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.DataRequests;

/// <summary>
/// 数据需求: any signed-in person asks for data that is not open yet; the request is public without who asked,
/// others support it once, and organizers route, answer and link it to the dataset that opens, telling everyone
/// behind it. Each test asks with accounts of its own on one shared site per provider; the rate limit has its own site.
/// </summary>
public sealed class DataRequestTests(SharedSites shared) : IClassFixture<SharedSites>
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    private static Task<SiteClient.Page> AskAsync(SiteClient client, string title, string description = "需要全省各公交线路的实时到站数据，用于到站提醒应用。",
        string? scenario = "老年人出行提醒", string? provider = "省交通运输厅") =>
        client.PostFormAsync("/data-requests/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = description, ["Scenario"] = scenario ?? "", ["Provider"] = provider ?? "",
        });

    private static Task<SiteClient.Page> SupportAsync(SiteClient client, int id) =>
        client.PostFormAsync($"/data-requests/{id}", new Dictionary<string, string>(), $"/data-requests/{id}?handler=Support");

    private static Task<SiteClient.Page> HandleAsync(SiteClient organizer, int id, string handler, Dictionary<string, string> fields) =>
        organizer.PostFormAsync($"/admin/data-requests/{id}", fields, $"/admin/data-requests/{id}?handler={handler}");

    private static Task<DataRequest?> FindAsync(SiteFactory site, string title) =>
        site.WithDbAsync(db => db.DataRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Title == title));

    private static async Task<(DataRequest Request, SiteClient Requester, string Email)> AskedAsync(SiteFactory site, string title)
    {
        var email = NewEmail("asker");
        var requester = await site.ContestantAsync(email);
        var asked = await AskAsync(requester, title);
        Assert.True(asked.Status == HttpStatusCode.Redirect, asked.Text);
        return ((await FindAsync(site, title))!, requester, email);
    }

    /// <summary>What an organizer's refused step must leave as it was.</summary>
    private static Task<string> StateAsync(SiteFactory site, int id) => site.WithDbAsync(async db =>
    {
        var r = await db.DataRequests.AsNoTracking().SingleAsync(x => x.Id == id);
        var mail = await db.Outbox.CountAsync(m => m.Subject.Contains(r.Title));
        var audit = await db.AuditEntries.CountAsync(e => e.Subject == $"data-request:{id}");
        return $"{r.State}|{r.RoutedTo}|{r.Answer}|{r.DatasetId}|{r.Version}|{r.SupportCount}|mail {mail}|audit {audit}";
    });

    [Fact]
    public async Task A_visitor_must_sign_in_to_ask_and_an_anonymous_post_stores_nothing()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var visitor = site.CreateSiteClient();

        var form = await visitor.GetAsync("/data-requests/new");
        var posted = await visitor.PostAsync("/data-requests/new", [new("Title", "匿名提出的数据需求"), new("Description", "匿名的人想要一些数据，但没有登录。")]);

        Assert.Equal(HttpStatusCode.Redirect, form.Status);
        Assert.Contains("/account/login", form.Location!.ToString());
        Assert.True(posted.Status == HttpStatusCode.BadRequest || posted.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true, $"{posted.Status} {posted.Location}");
        Assert.Null(await FindAsync(site, "匿名提出的数据需求"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_request_is_public_at_once_without_who_asked_and_its_markup_stays_text(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var email = NewEmail("public");
        var requester = await site.ContestantAsync(email);
        var asked = await AskAsync(requester, "公交实时到站数据" + provider, "需要<script>alert(1)</script>实时到站数据，\n用于到站提醒。");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var request = (await FindAsync(site, "公交实时到站数据" + provider))!;
        using var visitor = site.CreateSiteClient();

        var list = await visitor.GetAsync("/data-requests?q=" + Uri.EscapeDataString("公交实时到站数据" + provider));
        var page = await visitor.GetAsync($"/data-requests/{request.Id}");

        Assert.Contains("公交实时到站数据" + provider, list.Text);
        Assert.Contains("待处理", page.Text);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
        Assert.DoesNotContain("<script>alert(1)", page.Html);
        var displayName = email.Split('@')[0];
        Assert.DoesNotContain(email, page.Html);
        Assert.DoesNotContain(displayName, page.Html);
        Assert.DoesNotContain(displayName, list.Html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "data-request.created" && e.Subject == $"data-request:{request.Id}")));
    }

    [Theory]
    [InlineData("短", "需要全省各公交线路的实时到站数据。", "请用至少 4 个字说明需要什么数据")]
    [InlineData("公交到站数据需求", "太短", "请用至少 10 个字说明数据的内容和用途")]
    [InlineData("公交到站数据需求", "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e", "请用至少 10 个字说明数据的内容和用途")]
    public async Task A_request_that_says_too_little_is_refused_with_the_reason_and_stores_nothing(string title, string description, string reason)
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var requester = await site.ContestantAsync(NewEmail("short"));
        var before = await site.WithDbAsync(db => db.DataRequests.CountAsync());

        var refused = await AskAsync(requester, title, description);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(reason, refused.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.DataRequests.CountAsync()));
    }

    [Fact]
    public async Task A_too_long_description_is_refused_and_stores_nothing()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var requester = await site.ContestantAsync(NewEmail("long"));

        var refused = await AskAsync(requester, "超长说明的数据需求", new string('长', DataRequestRules.DescriptionMax + 1));

        Assert.Contains("说明不能超过 2000 个字", refused.Text);
        Assert.Null(await FindAsync(site, "超长说明的数据需求"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_person_supports_a_request_once_and_never_their_own(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var (request, requester, _) = await AskedAsync(site, "共享单车停放点数据" + provider);
        var supporter = await site.ContestantAsync(NewEmail("supporter"));

        var first = await SupportAsync(supporter, request.Id);
        var again = await SupportAsync(supporter, request.Id);
        var own = await SupportAsync(requester, request.Id);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Contains("您已附议过该需求", again.Text);
        Assert.Contains("不能附议自己提出的需求", own.Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.DataRequests.Where(r => r.Id == request.Id).Select(r => r.SupportCount).SingleAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.DataRequestSupports.CountAsync(s => s.RequestId == request.Id)));
        Assert.Contains("1 人附议", (await site.CreateSiteClient().GetAsync($"/data-requests/{request.Id}")).Text);
    }

    [Fact]
    public async Task Two_supports_by_one_person_at_the_same_instant_count_once_on_postgresql()
    {
        await using var site = await SiteFactory.CreateAsync(TestProvider.Postgres);
        var (request, _, _) = await AskedAsync(site, "电动汽车充电桩位置数据");
        var supporter = await site.ContestantAsync(NewEmail("racer"));
        var form = await supporter.GetAsync($"/data-requests/{request.Id}");
        var token = form.AntiforgeryToken!;

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            supporter.PostAsync($"/data-requests/{request.Id}?handler=Support", [new("__RequestVerificationToken", token)])));

        Assert.Single(both, p => p.Status == HttpStatusCode.Redirect);
        Assert.Equal(1, await site.WithDbAsync(db => db.DataRequestSupports.CountAsync(s => s.RequestId == request.Id)));
        Assert.Equal(1, await site.WithDbAsync(db => db.DataRequests.Where(r => r.Id == request.Id).Select(r => r.SupportCount).SingleAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Organizers_route_answer_and_link_the_opened_dataset_and_the_requester_and_supporters_are_told(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var title = "农贸市场菜价数据" + provider;
        var (request, _, requesterEmail) = await AskedAsync(site, title);
        var supporterEmail = NewEmail("backer");
        await SupportAsync(await site.ContestantAsync(supporterEmail), request.Id);
        using var organizer = await site.OrganizerAsync();
        var prices = await site.DatasetAsync("农贸市场价格监测" + provider, OpenType.Unconditional);
        var prohibited = await site.DatasetAsync("市场主体内部账目" + provider, OpenType.Prohibited);

        Assert.Equal(HttpStatusCode.Redirect, (await HandleAsync(organizer, request.Id, "Route", new() { ["Provider"] = "省商务厅" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await HandleAsync(organizer, request.Id, "Answer", new() { ["Answer"] = "省商务厅已列入下季度开放计划。" })).Status);
        var answered = await site.Smtp.WaitForAsync(supporterEmail, m => m.Subject?.Contains("有了答复", StringComparison.Ordinal) == true);
        Assert.Contains("省商务厅已列入下季度开放计划。", answered.TextBody);

        var beforeRefusal = await StateAsync(site, request.Id);
        var refused = await HandleAsync(organizer, request.Id, "Link", new() { ["DatasetLink"] = $"/datasets/{prohibited.Id}" });
        Assert.Contains("禁止开放类数据集不能作为需求的答复", refused.Text);
        Assert.Equal(beforeRefusal, await StateAsync(site, request.Id));

        var linked = await HandleAsync(organizer, request.Id, "Link", new() { ["DatasetLink"] = $"https://contest.example/datasets/{prices.Id}" });
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        foreach (var told in new[] { requesterEmail, supporterEmail })
        {
            var mail = await site.Smtp.WaitForAsync(told, m => m.Subject?.Contains("已开放", StringComparison.Ordinal) == true);
            Assert.Contains("农贸市场价格监测" + provider, mail.TextBody);
            Assert.Contains($"/datasets/{prices.Id}", mail.TextBody);
        }
        var stored = (await FindAsync(site, title))!;
        Assert.Equal(DataRequestState.Opened, stored.State);
        Assert.Equal("省商务厅", stored.RoutedTo);
        var page = (await site.CreateSiteClient().GetAsync($"/data-requests/{request.Id}")).Html;
        Assert.Contains($"/datasets/{prices.Id}", page);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "data-request.opened" && e.DatasetId == prices.Id)));

        var closed = await StateAsync(site, request.Id);
        Assert.Contains("该需求已办结，不能再答复", (await HandleAsync(organizer, request.Id, "Answer", new() { ["Answer"] = "改口" })).Text);
        Assert.Equal(closed, await StateAsync(site, request.Id));
    }

    [Fact]
    public async Task A_contestant_posting_the_organizers_forms_is_refused_and_nothing_changes()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var (request, requester, _) = await AskedAsync(site, "河道水质监测数据");
        var before = await StateAsync(site, request.Id);
        var token = (await requester.GetAsync($"/data-requests/{request.Id}")).AntiforgeryToken!;

        foreach (var (handler, field, value) in new[] { ("Route", "Provider", "随便哪个单位"), ("Answer", "Answer", "自问自答"), ("Decline", "Answer", "不开放") })
        {
            var forged = await requester.PostAsync($"/admin/data-requests/{request.Id}?handler={handler}", [new(field, value), new("__RequestVerificationToken", token)]);
            Assert.StartsWith("/account/access-denied", forged.Location!.PathAndQuery);
        }

        Assert.Equal(before, await StateAsync(site, request.Id));
    }

    [Fact]
    public async Task The_catalogue_search_offers_to_ask_for_the_data_with_the_words_searched()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);

        var page = await site.CreateSiteClient().GetAsync("/datasets?q=" + Uri.EscapeDataString("无人机航线"));

        Assert.Contains("没找到需要的数据？", page.Text);
        Assert.Contains("/data-requests/new?title=" + Uri.EscapeDataString("无人机航线"), page.Html);
    }

    [Fact]
    public async Task Asking_past_the_limit_is_refused_with_429_and_stores_nothing_more()
    {
        await using var site = await SiteFactory.CreateAsync(TestProvider.Sqlite);
        var requester = await site.ContestantAsync(NewEmail("flood"));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) answers.Add((await AskAsync(requester, $"批量数据需求第{i}条")).Status);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(5, await site.WithDbAsync(db => db.DataRequests.CountAsync(r => r.Title.StartsWith("批量数据需求"))));
    }
}
