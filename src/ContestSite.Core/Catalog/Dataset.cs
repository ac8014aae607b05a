namespace ContestSite.Core.Catalog;

/// <summary>A catalogue entry (数据目录): the metadata of one open dataset and its files.</summary>
public class Dataset
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }

    /// <summary>摘要.</summary>
    public string? Description { get; set; }

    /// <summary>数源单位 / 发布部门.</summary>
    public string? Provider { get; set; }

    public string? Province { get; set; }
    public string? City { get; set; }
    public string? District { get; set; }

    /// <summary>数据领域.</summary>
    public string? Domain { get; set; }

    /// <summary>行业分类.</summary>
    public string? Industry { get; set; }

    public List<string> Tags { get; set; } = [];
    public OpenType OpenType { get; set; }

    /// <summary>The portal's own wording (登录开放, 依申请开放...), kept because it says more than the class.</summary>
    public string? OpenTypeLabel { get; set; }

    /// <summary>分类分级 level, 1 (L1) to 4 (L4); null where the portal did not say.</summary>
    public int? SensitivityLevel { get; set; }

    /// <summary>
    /// The parts of the classification an organizer has decided here. A portal re-import never changes them; it
    /// reports the portal's differing value instead, so an organizer's 禁止开放 is not reopened by the next import.
    /// </summary>
    public ClassificationFields DecidedHere { get; set; }

    /// <summary>Lower-case format names (csv, xlsx, api...).</summary>
    public List<string> Formats { get; set; } = [];

    public List<DatasetField> Fields { get; set; } = [];
    public long? RecordCount { get; set; }
    public string? UpdateFrequency { get; set; }
    public DateTimeOffset? FirstPublished { get; set; }
    public DateTimeOffset? LastUpdated { get; set; }
    public List<DatasetResource> Resources { get; set; } = [];
    public long ViewCount { get; set; }
    public long DownloadCount { get; set; }
    public DatasetStatus Status { get; set; }

    /// <summary>How many times the dataset was submitted for review; a review answers one submission (one round) only.</summary>
    public int ReviewRound { get; set; }

    /// <summary>Who submitted the current or last round for review, and when (null: never submitted, or by the operator's recipe).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }

    /// <summary>The organizer who last changed the dataset by hand: they may not review it either (four eyes).</summary>
    public string? LastEditedById { get; set; }

    /// <summary>The import that brought the dataset in, so a batch review can take "all in review from this import".</summary>
    public Guid? ImportId { get; set; }

    /// <summary>The portal host the record was imported from (data.zjzwfw.gov.cn...); null when made here.</summary>
    public string? Source { get; set; }

    public string? SourceUrl { get; set; }

    /// <summary>Identity of an imported record within its portal, so a re-import updates instead of duplicating.</summary>
    public string? SourceKey { get; set; }

    /// <summary>来源: from the portals and organizers, or contributed by society (then <see cref="Contributions.DatasetContribution"/> says by whom).</summary>
    public DatasetOrigin Origin { get; set; }

    /// <summary>The licence the data is opened under (CC BY 4.0...); null where the portal did not say.</summary>
    public string? Licence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The most specific region, as shown in lists and facets: 浙江省, 杭州市, 杭州市拱墅区.</summary>
    public string? Region => District is not null ? City + District : City ?? Province;
}
