using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;

namespace ContestSite.Core.DataRequests;

/// <summary>What a demand request must say, and which organizer step is allowed from which state.</summary>
public static class DataRequestRules
{
    public const int TitleMin = 4, TitleMax = 100, DescriptionMin = 10, DescriptionMax = 2000, ShortMax = 500, ProviderMax = 100, AnswerMax = 2000;

    public static RuleResult CheckNew(string? title, string? description, string? scenario, string? provider)
    {
        var t = Clean(title) ?? "";
        var d = Clean(description) ?? "";
        if (t.Length < TitleMin) return RuleResult.Refuse("请用至少 {0} 个字说明需要什么数据", TitleMin);
        if (t.Length > TitleMax) return RuleResult.Refuse("标题不能超过 {0} 个字", TitleMax);
        if (d.Length < DescriptionMin) return RuleResult.Refuse("请用至少 {0} 个字说明数据的内容和用途", DescriptionMin);
        if (d.Length > DescriptionMax) return RuleResult.Refuse("说明不能超过 {0} 个字", DescriptionMax);
        if ((Clean(scenario)?.Length ?? 0) > ShortMax) return RuleResult.Refuse("使用场景不能超过 {0} 个字", ShortMax);
        if ((Clean(provider)?.Length ?? 0) > ProviderMax) return RuleResult.Refuse("数源单位不能超过 {0} 个字", ProviderMax);
        return RuleResult.Ok;
    }

    /// <summary>Text as stored and shown (<see cref="Text.UserText.Clean"/>).</summary>
    public static string? Clean(string? text) => Text.UserText.Clean(text);

    /// <summary>Closed requests (opened or declined) take no more steps, and no more support.</summary>
    public static bool IsClosed(DataRequestState state) => state is DataRequestState.Opened or DataRequestState.Declined;

    public static RuleResult CanRoute(DataRequest request, string? provider)
    {
        if (IsClosed(request.State)) return RuleResult.Refuse("该需求已办结，不能再转办");
        var p = Clean(provider) ?? "";
        if (p.Length == 0) return RuleResult.Refuse("请填写转办的数源单位");
        return p.Length > ProviderMax ? RuleResult.Refuse("数源单位不能超过 {0} 个字", ProviderMax) : RuleResult.Ok;
    }

    public static RuleResult CanAnswer(DataRequest request, string? answer, bool declining)
    {
        if (IsClosed(request.State)) return RuleResult.Refuse("该需求已办结，不能再答复");
        var a = Clean(answer) ?? "";
        if (a.Length == 0) return declining ? RuleResult.Refuse("请说明不予开放的理由") : RuleResult.Refuse("请填写答复");
        return a.Length > AnswerMax ? RuleResult.Refuse("答复不能超过 {0} 个字", AnswerMax) : RuleResult.Ok;
    }

    /// <summary>A request is answered by data only when the dataset is in the public catalogue and may be used.</summary>
    public static RuleResult CanLink(DataRequest request, DatasetStatus? status, OpenType? openType)
    {
        if (IsClosed(request.State)) return RuleResult.Refuse("该需求已办结");
        if (status != DatasetStatus.Published) return RuleResult.Refuse("所选数据集不在数据目录中");
        return openType == OpenType.Prohibited ? RuleResult.Refuse("禁止开放类数据集不能作为需求的答复") : RuleResult.Ok;
    }

    public static RuleResult CanSupport(DataRequest request, string userId, bool alreadySupports)
    {
        if (IsClosed(request.State)) return RuleResult.Refuse("该需求已办结，不再接受附议");
        if (request.RequesterId == userId) return RuleResult.Refuse("不能附议自己提出的需求");
        return alreadySupports ? RuleResult.Refuse("您已附议过该需求") : RuleResult.Ok;
    }
}
