namespace ContestSite.Core.Catalog.Import;

/// <summary>江苏省 data.jszwfw.gov.cn: 所属主题 is the domain, 所属行业 the industry.</summary>
internal sealed class JiangsuJsonMapper : PortalJsonMapper
{
    public override string Format => "jiangsu";
    public override string Source => CatalogSources.Jiangsu;
    protected override string TitleKey => "资源名称";
    protected override string[] IdentifyingKeys => ["资源名称", "所属单位", "开放类型"];

    protected override void Fill(Dataset dataset, JsonRecord record)
    {
        dataset.Province = CatalogSources.ProvinceOf(Source);
        dataset.OpenTypeLabel = record.Text("开放类型");
        dataset.OpenType = OpenTypeMapper.Map(dataset.OpenTypeLabel);
        dataset.UpdateFrequency = ImportValues.UpdateFrequency(record.Text("更新周期"));
        dataset.LastUpdated = ImportValues.Date(record.Text("资源更新日期"));
        dataset.Provider = record.Text("所属单位");
        dataset.Industry = record.Text("所属行业");
        dataset.Domain = record.Text("所属主题");
        dataset.Description = record.Text("资源描述");
        dataset.Formats = ImportValues.Formats(record.List("数据格式"));
        dataset.SourceUrl = record.Text("详情页网址");
    }
}
