using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class DiscussionRulesTests
{
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void A_thread_is_open_once_opened_or_while_the_judges_disagree(bool opened, bool disagreement, bool open) =>
        Assert.Equal(open, DiscussionRules.IsOpen(opened, disagreement));

    [Theory]
    [InlineData(RoundPhase.ReviewOpen, true)]
    [InlineData(RoundPhase.ReviewClosed, true)]
    [InlineData(RoundPhase.Provisional, true)]
    [InlineData(RoundPhase.Final, false)]
    public void Comments_are_taken_until_results_are_final(RoundPhase phase, bool allowed) =>
        Assert.Equal(allowed, DiscussionRules.MayPost(phase, opened: true, disagreement: false).Allowed);

    [Fact]
    public void An_unopened_thread_without_disagreement_takes_no_comment() =>
        Assert.Equal("这件作品的讨论尚未发起：请先发起讨论", DiscussionRules.MayPost(RoundPhase.ReviewOpen, opened: false, disagreement: false).Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void An_empty_comment_is_refused(string? text)
    {
        var (body, result) = DiscussionRules.CheckComment(text);

        Assert.Null(body);
        Assert.Equal("请填写留言内容", result.Message);
    }

    [Fact]
    public void A_comment_is_trimmed_and_may_be_exactly_the_longest_allowed()
    {
        var longest = new string('评', DiscussionRules.MaxCommentLength);

        Assert.Equal(longest, DiscussionRules.CheckComment("  " + longest + "\n").Body);
        Assert.False(DiscussionRules.CheckComment(longest + "评").Result.Allowed);
    }
}
