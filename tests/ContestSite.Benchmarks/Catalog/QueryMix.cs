using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>A fixed mix of searches: one- and two-word texts, empty text, filters on 0–3 facets, every sort.</summary>
internal static class QueryMix
{
    private static readonly string[] Texts =
    [
        "公交", "空气质量", "企业信用", "医疗机构", "学校", "交通违法", "旅游景点", "停车场", "养老", "食品安全",
        "环境监测", "行政处罚", "地铁", "充电桩", "公共厕所", "药店", "文物", "水质", "人口", "社保",
        "公交 线路", "企业 信用", "学校 名单", "医院 床位", "停车 收费", "景区 客流", "垃圾分类", "气象", "道路 施工", "农产品 价格",
        "", "", "许可证", "企业登记", "不动产", "消防", "体育场馆", "图书馆", "招投标", "公积金",
    ];

    public static List<CatalogQuery> Build(IReadOnlyList<Dataset> datasets, int count)
    {
        var random = new Random(42);
        var providers = Top(datasets.Select(d => d.Provider), 30);
        var regions = Top(datasets.Select(d => d.Region), 15);
        var domains = Top(datasets.Select(d => d.Domain), 15);
        string[] formats = ["csv", "xlsx", "api", "json", "数据库"];
        string[] openTypes = [nameof(OpenType.Unconditional), nameof(OpenType.Restricted)];
        var queries = new List<CatalogQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var filters = i % 3;
            queries.Add(new CatalogQuery
            {
                Text = Texts[i % Texts.Length],
                Providers = filters >= 2 && random.Next(3) == 0 ? [Pick(random, providers)] : [],
                Regions = filters >= 1 && random.Next(2) == 0 ? [Pick(random, regions), Pick(random, regions)] : [],
                Domains = filters >= 2 && random.Next(2) == 0 ? [Pick(random, domains)] : [],
                OpenTypes = filters >= 1 && random.Next(2) == 0 ? [Pick(random, openTypes)] : [],
                Formats = filters >= 2 ? [Pick(random, formats)] : [],
                Sort = (CatalogSort)(i % 4),
                Page = 1 + i % 3,
                PageSize = 20,
            });
        }
        return queries;
    }

    private static string[] Top(IEnumerable<string?> values, int n) =>
        values.Where(v => v is not null).GroupBy(v => v!).OrderByDescending(g => g.Count()).Take(n).Select(g => g.Key).ToArray();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
