namespace ContestSite.Core.Catalog.Import;

/// <summary>The portals whose exports the importer reads, named by host as in the combined CSV.</summary>
public static class CatalogSources
{
    public const string Zhejiang = "data.zjzwfw.gov.cn";
    public const string Hangzhou = "data.hangzhou.gov.cn";
    public const string Jiangsu = "data.jszwfw.gov.cn";
    public const string Shanghai = "data.sh.gov.cn";

    /// <summary>The province of each portal, for records that name no region of their own.</summary>
    public static string? ProvinceOf(string source) => source switch
    {
        Zhejiang or Hangzhou => "浙江省",
        Jiangsu => "江苏省",
        Shanghai => "上海市",
        _ => null,
    };
}
