namespace ContestSite.Core.Catalog.Import;

/// <summary>浙江省 data.zjzwfw.gov.cn: free-text 开放条件, Chinese-kind formats (数据库-mysql).</summary>
internal sealed class ZhejiangJsonMapper : PortalJsonMapper
{
    public override string Format => "zhejiang";
    public override string Source => CatalogSources.Zhejiang;
    protected override string TitleKey => "标题";
    protected override string[] IdentifyingKeys => ["标题", "数源单位", "开放条件"];

    protected override void Fill(Dataset dataset, JsonRecord record)
    {
        var openCondition = record.Text("开放条件");
        dataset.Description = record.Text("摘要");
        dataset.Tags = ImportValues.Tags(record.Text("标签"));
        dataset.UpdateFrequency = ImportValues.UpdateFrequency(record.Text("更新周期"));
        dataset.Formats = ImportValues.Formats(record.List("资源格式"));
        dataset.Provider = record.Text("数源单位");
        dataset.Province = CatalogSources.ProvinceOf(Source);
        dataset.Domain = record.Text("数据领域");
        dataset.Industry = record.Text("行业分类");
        dataset.OpenTypeLabel = openCondition;
        dataset.OpenType = OpenTypeMapper.Map(openCondition);
        dataset.SensitivityLevel = OpenTypeMapper.SensitivityLevel(openCondition);
        dataset.LastUpdated = ImportValues.Date(record.Text("更新日期"));
        dataset.FirstPublished = ImportValues.Date(record.Text("发布日期"));
        dataset.RecordCount = ImportValues.Count(record.Text("数据量"));
        dataset.SourceUrl = record.Text("详情页网址");
    }
}
