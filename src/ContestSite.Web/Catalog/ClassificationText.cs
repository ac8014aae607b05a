using ContestSite.Core.Catalog;

namespace ContestSite.Web.Catalog;

/// <summary>How the parts of a dataset's classification are named on pages (localizer keys).</summary>
public static class ClassificationText
{
    public static string FieldName(ClassificationFields field) => field switch
    {
        ClassificationFields.OpenType => "开放类型",
        ClassificationFields.SensitivityLevel => "分类分级",
        _ => "敏感字段",
    };
}
