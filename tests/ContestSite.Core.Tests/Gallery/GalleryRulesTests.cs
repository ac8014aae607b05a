using ContestSite.Core.Gallery;

namespace ContestSite.Core.Tests.Gallery;

public sealed class GalleryRulesTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly GalleryConsent Complete = new("王队长（队长）", "同意公开作品介绍、截图和团队名称", Now.AddDays(-1), Confirmed: true);

    [Fact]
    public void A_confirmed_consent_with_giver_text_and_a_past_time_has_no_problem()
    {
        Assert.Empty(GalleryRules.ConsentProblems(Complete, Now));
    }

    [Fact]
    public void A_consent_given_at_this_very_moment_is_accepted()
    {
        Assert.Empty(GalleryRules.ConsentProblems(Complete with { GivenAt = Now }, Now));
    }

    [Fact]
    public void A_consent_the_organizer_did_not_confirm_is_refused()
    {
        Assert.Equal(["请确认已取得团队的展示授权"], GalleryRules.ConsentProblems(Complete with { Confirmed = false }, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_consent_without_who_gave_it_is_refused(string? givenBy)
    {
        Assert.Equal(["请填写授权人"], GalleryRules.ConsentProblems(Complete with { GivenBy = givenBy }, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t\n")]
    public void A_consent_without_its_text_is_refused(string? text)
    {
        Assert.Equal(["请填写授权内容"], GalleryRules.ConsentProblems(Complete with { Text = text }, Now));
    }

    [Fact]
    public void A_consent_without_a_time_is_refused()
    {
        Assert.Equal(["请填写授权时间"], GalleryRules.ConsentProblems(Complete with { GivenAt = null }, Now));
    }

    [Fact]
    public void A_consent_dated_in_the_future_is_refused()
    {
        Assert.Equal(["授权时间不能晚于现在"], GalleryRules.ConsentProblems(Complete with { GivenAt = Now.AddTicks(1) }, Now));
    }

    [Fact]
    public void An_empty_consent_names_every_missing_part_at_once()
    {
        var problems = GalleryRules.ConsentProblems(new GalleryConsent(null, null, null, false), Now);

        Assert.Equal(["请确认已取得团队的展示授权", "请填写授权人", "请填写授权内容", "请填写授权时间"], problems);
    }

    [Fact]
    public void A_showcase_with_title_and_team_name_within_limits_has_no_problem()
    {
        Assert.Empty(GalleryRules.ShowcaseProblems("智慧公交", null, "公交队", null));
        Assert.Empty(GalleryRules.ShowcaseProblems(new string('题', GalleryRules.MaxTitle), new string('文', GalleryRules.MaxText),
            new string('队', GalleryRules.MaxTitle), new string('名', GalleryRules.MaxNames)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_showcase_without_a_title_is_refused(string? title)
    {
        Assert.Equal(["请填写展示标题"], GalleryRules.ShowcaseProblems(title, "介绍", "公交队", "王某"));
    }

    [Fact]
    public void A_showcase_title_longer_than_the_limit_is_refused()
    {
        Assert.Equal(["展示标题过长"], GalleryRules.ShowcaseProblems(new string('题', GalleryRules.MaxTitle + 1), "介绍", "公交队", "王某"));
    }

    [Fact]
    public void A_showcase_text_longer_than_the_limit_is_refused()
    {
        Assert.Equal(["展示介绍过长"], GalleryRules.ShowcaseProblems("智慧公交", new string('文', GalleryRules.MaxText + 1), "公交队", "王某"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_showcase_without_the_teams_shown_name_is_refused(string? teamName)
    {
        Assert.Equal(["请填写展示的团队名称"], GalleryRules.ShowcaseProblems("智慧公交", "介绍", teamName, "王某"));
    }

    [Fact]
    public void A_team_name_longer_than_the_limit_is_refused()
    {
        Assert.Equal(["团队名称过长"], GalleryRules.ShowcaseProblems("智慧公交", "介绍", new string('队', GalleryRules.MaxTitle + 1), "王某"));
    }

    [Fact]
    public void A_member_list_longer_than_the_limit_is_refused()
    {
        Assert.Equal(["成员名单过长"], GalleryRules.ShowcaseProblems("智慧公交", "介绍", "公交队", new string('名', GalleryRules.MaxNames + 1)));
    }

    [Fact]
    public void A_showcase_with_everything_wrong_names_each_problem()
    {
        var problems = GalleryRules.ShowcaseProblems(" ", new string('文', GalleryRules.MaxText + 1), null, new string('名', GalleryRules.MaxNames + 1));

        Assert.Equal(["请填写展示标题", "展示介绍过长", "请填写展示的团队名称", "成员名单过长"], problems);
    }
}
