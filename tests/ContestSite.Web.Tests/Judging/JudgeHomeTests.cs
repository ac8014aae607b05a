using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

public sealed class JudgeHomeTests
{
    [Fact]
    public async Task The_home_page_takes_a_judge_to_their_reviews_and_offers_contestants_no_such_link()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        await site.AssignDirectAsync(judgeId, await site.EntryAsync("待评作品"));
        using var judge = await site.SignedInAsync("judge@test.local");
        await site.CreateUserAsync("contestant@test.local", Password, "Contestant");
        using var contestant = await site.SignedInAsync("contestant@test.local");

        var judgeHome = await judge.GetAsync("/");
        var contestantHome = await contestant.GetAsync("/");

        Assert.Contains("href=\"/judging\">进入我的评审</a>", judgeHome.Html);
        Assert.DoesNotContain("进入我的评审", contestantHome.Text);
    }
}
