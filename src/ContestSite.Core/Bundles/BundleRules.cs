using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>What organizers may put in a bundle, and which files can be served masked.</summary>
public static class BundleRules
{
    public const int MaxTermsLength = 8000;

    public static RuleResult CanAdd(Dataset? dataset, IEnumerable<Guid> alreadyIn)
    {
        if (dataset is null || dataset.Status != DatasetStatus.Published) return RuleResult.Refuse("数据集不存在或未发布");
        if (dataset.OpenType == OpenType.Prohibited) return RuleResult.Refuse("禁止开放类数据集不能放入数据包");
        if (alreadyIn.Contains(dataset.Id)) return RuleResult.Refuse("该数据集已经在数据包中");
        return RuleResult.Ok;
    }

    /// <summary>The files of a dataset are masked when a field is marked sensitive or has a rule; otherwise served as stored.</summary>
    public static bool NeedsMasking(IEnumerable<DatasetField> fields, IEnumerable<FieldMaskingRule> rules) =>
        fields.Any(f => f.IsSensitive) || rules.Any();

    public static MaskedFormat FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => MaskedFormat.Csv,
        ".xlsx" => MaskedFormat.Xlsx,
        _ => MaskedFormat.Other,
    };
}

/// <summary>How a file can be masked: CSV and XLSX row by row; any other format cannot, so it is never served when masking is needed.</summary>
public enum MaskedFormat { Csv, Xlsx, Other }
