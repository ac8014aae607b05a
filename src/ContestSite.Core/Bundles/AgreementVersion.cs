using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>Which text a version belongs to: the data-use agreement of applications, or one track's bundle terms.</summary>
public enum AgreementKind { DataUse = 0, BundleTerms = 1 }

/// <summary>
/// One published version of the data-use agreement (数据使用协议) or of a track's bundle terms, in Markdown. Versions
/// are never edited: a change publishes the next number, and what a team accepted stays readable as it was.
/// </summary>
public class AgreementVersion
{
    public int Id { get; set; }
    public AgreementKind Kind { get; set; }
    /// <summary>The track of bundle terms; null for the data-use agreement.</summary>
    public int? TrackId { get; set; }
    public int Number { get; set; }
    public required string Markdown { get; set; }
    public string? ChangeNote { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>Null for the first version, which the site shipped with.</summary>
    public string? PublishedById { get; set; }
}

public static class AgreementRules
{
    public const int MaxLength = 20_000;
    public const int MaxNoteLength = 500;

    /// <summary>The data-use agreement the site starts with (version 1).</summary>
    public const string FirstDataUseAgreement =
        "本团队承诺：所获数据仅用于本届大赛的参赛作品；不向任何第三方提供、转让或公开；大赛结束后删除全部数据及其副本；使用全过程接受组委会审计。";

    public static RuleResult CanPublish(string? markdown, string? note, string? current)
    {
        var text = markdown?.Trim() ?? "";
        if (text.Length == 0) return RuleResult.Refuse("请填写协议正文");
        if (text.Length > MaxLength) return RuleResult.Refuse("协议正文不能超过 {0} 个字", MaxLength);
        // The first version of a text has nothing to compare with; every later one says what changed.
        if (current is not null && string.IsNullOrWhiteSpace(note)) return RuleResult.Refuse("请说明本次修改的内容");
        if ((note?.Trim().Length ?? 0) > MaxNoteLength) return RuleResult.Refuse("修改说明不能超过 {0} 个字", MaxNoteLength);
        return text == current?.Trim() ? RuleResult.Refuse("协议正文没有变化，无须发布新版本") : RuleResult.Ok;
    }

    /// <summary>Only the version in force can be accepted: a form opened before a new version was published is refused.</summary>
    public static RuleResult CanAccept(int? current, int? accepted) =>
        current is null || accepted != current ? RuleResult.Refuse("协议已更新，请阅读新版本后重新确认") : RuleResult.Ok;
}

/// <summary>A team's acceptance of one version of its track's bundle terms, by the captain, before the team's first download of it.</summary>
public class AgreementAcceptance
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int TeamId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}
