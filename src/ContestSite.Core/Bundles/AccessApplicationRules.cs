using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;

namespace ContestSite.Core.Bundles;

/// <summary>
/// The life of an application: Pending (an organizer may ask the expert committee first, judges give
/// opinions) → Approved with an expiry, or Rejected with a reason; an approval can be Revoked.
/// </summary>
public static class AccessApplicationRules
{
    public const int MaxTextLength = 2000;
    public const int MaxApprovalDays = 366;
    /// <summary>Also shown when a simultaneous submit lost to the database's unique index on pending applications.</summary>
    public const string AlreadyPendingMessage = "您的团队对该数据集已有一份待审核的申请";

    public static RuleResult CanApply(TeamStatus? teamStatus, OpenType openType, IEnumerable<AccessApplication> teamApplicationsForDataset,
        string? purpose, string? scenario, bool agreementAccepted, DateTimeOffset now)
    {
        if (teamStatus is null) return RuleResult.Refuse("请先加入一个参赛团队");
        if (teamStatus != TeamStatus.Approved) return RuleResult.Refuse("团队通过组委会审核后才能申请受限开放数据");
        if (openType == OpenType.Prohibited) return RuleResult.Refuse("该数据集属于禁止开放类，不接受申请");
        if (openType != OpenType.Restricted) return RuleResult.Refuse("该数据集无条件开放，无须申请");
        if (string.IsNullOrWhiteSpace(purpose)) return RuleResult.Refuse("请说明数据的用途");
        if (string.IsNullOrWhiteSpace(scenario)) return RuleResult.Refuse("请说明应用场景");
        if (purpose.Length > MaxTextLength || scenario.Length > MaxTextLength) return RuleResult.Refuse("用途和应用场景各不能超过 {0} 个字符", MaxTextLength);
        if (!agreementAccepted) return RuleResult.Refuse("请阅读并同意数据使用协议");
        foreach (var existing in teamApplicationsForDataset)
        {
            if (existing.Status == ApplicationStatus.Pending) return RuleResult.Refuse(AlreadyPendingMessage);
            if (existing.Status == ApplicationStatus.Approved && existing.ExpiresAt > now) return RuleResult.Refuse("您的团队已获批使用该数据集，许可仍在有效期内");
            if (existing.Status == ApplicationStatus.Suspended && existing.ExpiresAt > now) return RuleResult.Refuse("您的团队对该数据集的许可因应急处置暂停，等待组委会恢复");
        }
        return RuleResult.Ok;
    }

    /// <summary>Asks the expert committee to answer by <paramref name="dueAt"/>, which must be in the future.</summary>
    public static RuleResult RequestOpinion(AccessApplication application, DateTimeOffset now, DateTimeOffset dueAt)
    {
        if (application.Status != ApplicationStatus.Pending) return RuleResult.Refuse("只有待审核的申请可以征求专家意见");
        if (application.OpinionRequestedAt is not null) return RuleResult.Refuse("已经征求过专家意见");
        if (dueAt <= now) return RuleResult.Refuse("专家答复期限须晚于现在");
        application.OpinionRequestedAt = now;
        application.OpinionDueAt = dueAt;
        return RuleResult.Ok;
    }

    /// <summary>An unanswered request is late from its answer date on (requests made before dates existed never are).</summary>
    public static bool OpinionLate(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt is { } due && now >= due;

    public static RuleResult GiveOpinion(AccessApplication application, string judgeId, string judgeName, bool supports, string? comment, DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.Pending || application.OpinionRequestedAt is null)
            return RuleResult.Refuse("该申请没有在征求专家意见");
        if (string.IsNullOrWhiteSpace(comment)) return RuleResult.Refuse("请填写意见");
        if (comment.Length > MaxTextLength) return RuleResult.Refuse("意见不能超过 {0} 个字符", MaxTextLength);
        var mine = application.Opinions.FirstOrDefault(o => o.JudgeId == judgeId);
        if (mine is null)
        {
            mine = new ExpertOpinion { JudgeId = judgeId, JudgeName = judgeName, Comment = "" };
            application.Opinions.Add(mine);
        }
        mine.Supports = supports;
        mine.Comment = comment.Trim();
        mine.At = now;
        return RuleResult.Ok;
    }

    /// <summary>
    /// Whether the plan asks for the expert committee and a security assessment before approval: data at L3 or above,
    /// or with sensitive fields.
    /// </summary>
    public static bool NeedsExpertReview(int? sensitivityLevel, bool hasSensitiveFields) => sensitivityLevel >= 3 || hasSensitiveFields;

    public static RuleResult Approve(AccessApplication application, string deciderId, int validDays, string? note, DateTimeOffset now,
        bool needsExpertReview = false, string? securityAssessment = null)
    {
        if (application.Status != ApplicationStatus.Pending) return RuleResult.Refuse("该申请已经处理过了");
        if (validDays is < 1 or > MaxApprovalDays) return RuleResult.Refuse("有效期须在 1 到 {0} 天之间", MaxApprovalDays);
        if (note is { Length: > MaxTextLength }) return RuleResult.Refuse("意见不能超过 {0} 个字符", MaxTextLength);
        if (securityAssessment is { Length: > MaxTextLength }) return RuleResult.Refuse("安全评估结论不能超过 {0} 个字符", MaxTextLength);
        if (needsExpertReview && application.Opinions.Count == 0)
            return RuleResult.Refuse("该数据集为 L3 级或含敏感字段，须先征求专家委员会意见，收到至少一位专家的意见后才能批准");
        if (needsExpertReview && string.IsNullOrWhiteSpace(securityAssessment))
            return RuleResult.Refuse("该数据集为 L3 级或含敏感字段，批准前须填写安全评估结论");
        application.SecurityAssessment = string.IsNullOrWhiteSpace(securityAssessment) ? null : securityAssessment.Trim();
        Decide(application, ApplicationStatus.Approved, deciderId, note, now);
        application.ExpiresAt = now.AddDays(validDays);
        return RuleResult.Ok;
    }

    public static RuleResult Reject(AccessApplication application, string deciderId, string? reason, DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.Pending) return RuleResult.Refuse("该申请已经处理过了");
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refuse("请填写不批准的原因，团队会看到它");
        if (reason.Length > MaxTextLength) return RuleResult.Refuse("意见不能超过 {0} 个字符", MaxTextLength);
        Decide(application, ApplicationStatus.Rejected, deciderId, reason, now);
        return RuleResult.Ok;
    }

    public static RuleResult Revoke(AccessApplication application, string deciderId, string? reason, DateTimeOffset now)
    {
        if (application.Status is not (ApplicationStatus.Approved or ApplicationStatus.Suspended)) return RuleResult.Refuse("只有已批准或已暂停的许可可以撤销");
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refuse("请填写撤销的原因，团队会看到它");
        if (reason.Length > MaxTextLength) return RuleResult.Refuse("意见不能超过 {0} 个字符", MaxTextLength);
        Decide(application, ApplicationStatus.Revoked, deciderId, reason, now);
        application.RevokedAt = now;
        return RuleResult.Ok;
    }

    private static void Decide(AccessApplication application, ApplicationStatus status, string deciderId, string? note, DateTimeOffset now)
    {
        application.Status = status;
        application.DeciderId = deciderId;
        application.DecidedAt = now;
        application.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
