namespace ContestSite.Core.Catalog.Import;

/// <summary>上海市 data.sh.gov.cn: the crawled detail URL is the same on every row, so the key is provider and title.</summary>
internal sealed class ShanghaiJsonMapper : PortalJsonMapper
{
    public override string Format => "shanghai";
    public override string Source => CatalogSources.Shanghai;
    protected override string TitleKey => "数据集名称";
    protected override string[] IdentifyingKeys => ["数据集名称", "数据提供方", "开放属性"];

    protected override void Fill(Dataset dataset, JsonRecord record)
    {
        dataset.Province = CatalogSources.ProvinceOf(Source);
        dataset.Description = record.Text("摘要");
        dataset.Tags = ImportValues.Tags(record.Text("数据标签"));
        dataset.Domain = record.Text("数据领域");
        dataset.Industry = record.Text("国家主题分类");
        dataset.FirstPublished = ImportValues.Date(record.Text("首次发布日期"));
        dataset.LastUpdated = ImportValues.Date(record.Text("更新日期"));
        dataset.UpdateFrequency = ImportValues.UpdateFrequency(record.Text("更新频度"));
        dataset.Provider = record.Text("数据提供方");
        dataset.OpenTypeLabel = record.Text("开放属性");
        dataset.OpenType = OpenTypeMapper.Map(dataset.OpenTypeLabel);
        dataset.Formats = ImportValues.Formats(record.List("数据格式"));
        dataset.SourceUrl = record.Text("详情页网址");
    }
}
