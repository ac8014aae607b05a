namespace ContestSite.Core.Catalog.Import;

/// <summary>杭州市 data.hangzhou.gov.cn: one row per resource (api or data), district in 所属区县.</summary>
internal sealed class HangzhouJsonMapper : PortalJsonMapper
{
    private const string City = "杭州市";

    public override string Format => "hangzhou";
    public override string Source => CatalogSources.Hangzhou;
    protected override string TitleKey => "资源名称";
    protected override string[] IdentifyingKeys => ["资源名称", "发布部门", "开放等级"];

    protected override void Fill(Dataset dataset, JsonRecord record)
    {
        var district = record.Text("所属区县");
        dataset.Province = CatalogSources.ProvinceOf(Source);
        dataset.City = City;
        dataset.District = district is null or City ? null : district;
        dataset.Provider = ImportValues.QualifiedProvider(record.Text("发布部门"), dataset.District);
        dataset.Description = record.Text("摘要");
        dataset.FirstPublished = ImportValues.Date(record.Text("发布时间"));
        dataset.LastUpdated = ImportValues.Date(record.Text("更新时间"));
        dataset.UpdateFrequency = ImportValues.UpdateFrequency(record.Text("更新周期"));
        dataset.OpenTypeLabel = record.Text("开放等级");
        dataset.OpenType = OpenTypeMapper.Map(dataset.OpenTypeLabel);
        dataset.RecordCount = ImportValues.Count(record.Text("数据量"));
        dataset.SourceUrl = record.Text("详情页网址");
        dataset.Formats = ImportValues.Formats(record.List("数据格式"));
    }
}
