using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Rules;

namespace ContestSite.Web.Submissions;

/// <summary>What the edit form sends: the entry's text, the datasets, the files to keep and the finished uploads to add.</summary>
public sealed class SubmissionInput
{
    public static readonly string[] Categories = ["民生服务", "城市治理", "产业经济", "交通出行", "生态环境", "文化旅游", "其他"];

    [Required(ErrorMessage = "请填写作品名称")]
    [StringLength(100, ErrorMessage = "作品名称不能超过 100 个字")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "一句话介绍不能超过 200 个字")]
    public string? Pitch { get; set; }

    [StringLength(20000, ErrorMessage = "作品介绍不能超过 20000 个字")]
    public string? Description { get; set; }

    public string? Category { get; set; }

    [StringLength(500, ErrorMessage = "链接不能超过 500 个字符")]
    public string? DemoUrl { get; set; }

    [StringLength(500, ErrorMessage = "链接不能超过 500 个字符")]
    public string? VideoUrl { get; set; }

    public List<Guid> DatasetIds { get; set; } = [];

    /// <summary>Links to the catalogue pages of other open datasets the entry uses, one per line.</summary>
    [StringLength(4000, ErrorMessage = "数据集链接过长")]
    public string? OtherDatasetLinks { get; set; }

    /// <summary>Files of the newest version that stay; the others are left out of the new version.</summary>
    public List<int> KeepFileIds { get; set; } = [];

    /// <summary>Finished uploads (their ids) that join the entry with this save.</summary>
    public List<Guid> UploadIds { get; set; } = [];

    /// <summary>Null when the links and category are acceptable; otherwise the refusal.</summary>
    public RuleResult? Problem()
    {
        if (Category is not null && !Categories.Contains(Category)) return RuleResult.Refuse("请选择列表中的应用类别");
        if (!IsWebLink(DemoUrl)) return RuleResult.Refuse("演示地址必须是以 http:// 或 https:// 开头的网址");
        if (!IsWebLink(VideoUrl)) return RuleResult.Refuse("视频链接必须是以 http:// 或 https:// 开头的网址");
        var (links, notALink) = DeclaredDatasets.ParseLinks(OtherDatasetLinks);
        if (notALink is not null) return RuleResult.Refuse("“{0}”不是数据集页面的链接", notALink);
        if (links.Count > DeclaredDatasets.MaxLinks) return RuleResult.Refuse("数据集链接最多 {0} 个", DeclaredDatasets.MaxLinks);
        return null;
    }

    /// <summary>The datasets ticked and linked, each once.</summary>
    public List<Guid> AllDatasetIds() => DatasetIds.Concat(DeclaredDatasets.ParseLinks(OtherDatasetLinks).Ids).Distinct().ToList();

    private static bool IsWebLink(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
