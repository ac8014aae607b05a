namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// Judged queries on the real catalogues: a title is relevant when it contains one of the listed
/// substrings (the query's own words and their usual synonyms, e.g. 学校 also judges 小学 relevant).
/// Judging by title keeps the set objective and repeatable without hand-labelling thousands of rows.
/// </summary>
internal static class RelevanceSet
{
    /// <summary>What a judged query tests; the evaluation reports each kind apart.</summary>
    public enum Kind
    {
        Simplified,

        /// <summary>Traditional characters (醫療機構), judged by the same simplified titles: the portals publish in simplified.</summary>
        Traditional,
    }

    public sealed record Judged(string Query, string[] RelevantIfTitleHas, string[]? AndTitleHas = null, Kind Of = Kind.Simplified)
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

        // Traditional characters, written before the folding was measured (issue 22); judged as their simplified forms.
        new("醫療機構", ["医疗", "医院", "卫生院", "诊所", "卫生服务"], Of: Kind.Traditional),
        new("醫院", ["医院", "卫生院", "医疗"], Of: Kind.Traditional),
        new("杭州市醫療機構", ["医疗", "医院", "卫生院", "诊所", "卫生服务"], ["杭州"], Of: Kind.Traditional),
        new("學校", ["学校", "小学", "中学", "幼儿园", "大学", "学院", "高校"], Of: Kind.Traditional),
        new("交通違法", ["违法", "违章"], ["交通", "车", "驾驶", "道路"], Of: Kind.Traditional),
        new("旅遊景點", ["景点", "景区", "旅游"], Of: Kind.Traditional),
        new("停車場", ["停车"], Of: Kind.Traditional),
        new("養老機構", ["养老", "敬老", "老年"], Of: Kind.Traditional),
        new("環境監測", ["监测"], ["环境", "水质", "空气", "污染", "噪声", "大气"], Of: Kind.Traditional),
        new("行政處罰", ["处罚"], Of: Kind.Traditional),
        new("地鐵", ["地铁", "轨道交通"], Of: Kind.Traditional),
        new("充電樁", ["充电"], Of: Kind.Traditional),
        new("公共廁所", ["厕所", "公厕"], Of: Kind.Traditional),
        new("藥店", ["药店", "药品", "药房", "医药"], Of: Kind.Traditional),
        new("文物保護", ["文物", "文保"], Of: Kind.Traditional),
        new("幼兒園", ["幼儿园", "托育", "托幼"], Of: Kind.Traditional),
        new("核酸檢測", ["核酸"], Of: Kind.Traditional),
        new("共享單車", ["单车", "自行车"], Of: Kind.Traditional),
        new("垃圾分類", ["垃圾"], Of: Kind.Traditional),
        new("電價", ["电价", "电费", "用电"], Of: Kind.Traditional),
        new("空氣質量", ["空气", "大气", "AQI", "PM2.5"], Of: Kind.Traditional),
        new("企業 信用", ["信用"], ["企业", "法人", "公司"], Of: Kind.Traditional),
        new("公交 線路", ["公交", "公共交通", "公共汽车", "巴士"], ["线路", "路线", "站点", "线"], Of: Kind.Traditional),
    ];
}
