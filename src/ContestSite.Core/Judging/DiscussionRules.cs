using ContestSite.Core.Rules;

namespace ContestSite.Core.Judging;

/// <summary>When an entry's discussion takes comments, and what a comment may be.</summary>
public static class DiscussionRules
{
    public const int MaxCommentLength = 4000;
    public const int MaxReasonLength = 500;
    public const string Closed = "本轮结果已确定，讨论只能查看，不能再留言";

    /// <summary>A thread is open once someone opened it, or by itself while the judges' totals disagree.</summary>
    public static bool IsOpen(bool opened, bool disagreement) => opened || disagreement;

    /// <summary>Nothing changes in a thread once the round's results are final: it stays as the record of the decision.</summary>
    public static RuleResult MayChange(RoundPhase phase) => phase == RoundPhase.Final ? RuleResult.Refuse(Closed) : RuleResult.Ok;

    public static RuleResult MayPost(RoundPhase phase, bool opened, bool disagreement)
    {
        var change = MayChange(phase);
        if (!change.Allowed) return change;
        return IsOpen(opened, disagreement) ? RuleResult.Ok : RuleResult.Refuse("这件作品的讨论尚未发起：请先发起讨论");
    }

    /// <summary>The comment as stored (trimmed), or why it is refused.</summary>
    public static (string? Body, RuleResult Result) CheckComment(string? text)
    {
        var body = text?.Trim();
        if (string.IsNullOrEmpty(body)) return (null, RuleResult.Refuse("请填写留言内容"));
        if (body.Length > MaxCommentLength) return (null, RuleResult.Refuse("留言最多 {0} 个字（现有 {1} 个）", MaxCommentLength, body.Length));
        return (body, RuleResult.Ok);
    }
}
