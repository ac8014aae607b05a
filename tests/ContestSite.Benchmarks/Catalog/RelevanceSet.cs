namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// Judged queries on the real catalogues: a title is relevant when it contains one of the listed
/// substrings (the query's own words and their usual synonyms, e.g. 学校 also judges 小学 relevant).
/// Judging by title keeps the set objective and repeatable without hand-labelling thousands of rows.
/// </summary>
internal static class RelevanceSet
{
    public sealed record Judged(string Query, string[] RelevantIfTitleHas, string[]? AndTitleHas = null)
    {
        public bool IsRelevant(string title) =>
            RelevantIfTitleHas.Any(s => title.Contains(s, StringComparison.OrdinalIgnoreCase))
            && (AndTitleHas is null || AndTitleHas.Any(s => title.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    public static readonly Judged[] Queries =
    [
        new("公交", ["公交", "公共交通", "公共汽车", "巴士"]),
        new("空气质量", ["空气", "大气", "AQI", "PM2.5"]),
        new("企业信用", ["信用"], ["企业", "法人", "公司"]),
        new("医疗机构", ["医疗", "医院", "卫生院", "诊所", "卫生服务"]),
        new("学校", ["学校", "小学", "中学", "幼儿园", "大学", "学院", "高校"]),
        new("交通违法", ["违法", "违章"], ["交通", "车", "驾驶", "道路"]),
        new("旅游景点", ["景点", "景区", "旅游"]),
        new("停车场", ["停车"]),
        new("养老机构", ["养老", "敬老", "老年"]),
        new("食品安全", ["食品"]),
        new("环境监测", ["监测"], ["环境", "水质", "空气", "污染", "噪声", "大气"]),
        new("行政处罚", ["处罚"]),
        new("地铁", ["地铁", "轨道交通"]),
        new("充电桩", ["充电"]),
        new("公共厕所", ["厕所", "公厕"]),
        new("药店", ["药店", "药品", "药房", "医药"]),
        new("文物保护", ["文物", "文保"]),
        new("水质", ["水质"]),
        new("公厕", ["厕所", "公厕"]),
        new("出租车", ["出租车", "出租汽车", "网约车", "巡游车"]),
        new("幼儿园", ["幼儿园", "托育", "托幼"]),
        new("核酸检测", ["核酸"]),
        new("共享单车", ["单车", "自行车"]),
        new("供水", ["供水", "自来水"]),
        new("车位", ["车位", "停车"]),
        new("河道", ["河道", "河湖", "河长", "水系"]),
        new("电价", ["电价", "电费", "用电"]),
        new("垃圾分类", ["垃圾"]),
        new("菜场", ["菜场", "菜市场", "农贸市场"]),
        new("企业 信用", ["信用"], ["企业", "法人", "公司"]),
        new("学校 名单", ["学校", "小学", "中学", "幼儿园", "大学", "学院"], ["名单", "名录", "目录", "信息", "基本情况"]),
    ];
}
