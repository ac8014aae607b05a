namespace ContestSite.Core.Gallery;

/// <summary>What an organizer records of the team's agreement to be shown (展示授权).</summary>
public sealed record GalleryConsent(string? GivenBy, string? Text, DateTimeOffset? GivenAt, bool Confirmed);

/// <summary>The rules of showing an entry: no consent, no gallery.</summary>
public static class GalleryRules
{
    public const int MaxTitle = 200;
    public const int MaxText = 20_000;
    public const int MaxNames = 1_000;
    public const string MissingConsentTime = "请填写授权时间";

    /// <summary>Localizer keys of what is missing; empty when the consent is complete.</summary>
    public static IReadOnlyList<string> ConsentProblems(GalleryConsent consent, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!consent.Confirmed) problems.Add("请确认已取得团队的展示授权");
        if (string.IsNullOrWhiteSpace(consent.GivenBy)) problems.Add("请填写授权人");
        if (string.IsNullOrWhiteSpace(consent.Text)) problems.Add("请填写授权内容");
        if (consent.GivenAt is null) problems.Add(MissingConsentTime);
        else if (consent.GivenAt > now) problems.Add("授权时间不能晚于现在");
        return problems;
    }

    /// <summary>Localizer keys of what is wrong in the showcase text.</summary>
    public static IReadOnlyList<string> ShowcaseProblems(string? title, string? text, string? teamName, string? memberNames)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add("请填写展示标题");
        else if (title.Length > MaxTitle) problems.Add("展示标题过长");
        if (text is { Length: > MaxText }) problems.Add("展示介绍过长");
        if (string.IsNullOrWhiteSpace(teamName)) problems.Add("请填写展示的团队名称");
        else if (teamName.Length > MaxTitle) problems.Add("团队名称过长");
        if (memberNames is { Length: > MaxNames }) problems.Add("成员名单过长");
        return problems;
    }
}
