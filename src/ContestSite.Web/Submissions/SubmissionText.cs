using ContestSite.Core.Submissions;

namespace ContestSite.Web.Submissions;

/// <summary>The Chinese words for an entry's status.</summary>
public static class SubmissionText
{
    public static string Status(SubmissionStatus? status) => status switch
    {
        SubmissionStatus.Finalised => "已定稿",
        SubmissionStatus.Draft => "草稿",
        _ => "未提交",
    };
}
