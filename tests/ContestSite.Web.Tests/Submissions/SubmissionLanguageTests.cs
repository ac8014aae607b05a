using System.Net;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Files;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

public sealed class SubmissionLanguageTests
{
    [Fact]
    public async Task A_member_who_chose_English_gets_a_refused_file_explained_in_English_down_to_the_kind_of_file()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var switched = await team.Member.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);

        var (_, html) = await team.Member.UploadAsync(team.RoundId, SubmissionFileKind.Proposal, "proposal.pdf",
            "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray());
        var (_, tiff) = await team.Member.UploadAsync(team.RoundId, SubmissionFileKind.Screenshot, "photo.png", TestImages.Tiff());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.Equal("The file content is an HTML page, not PDF", await ErrorOfAsync(html));
        Assert.Equal("The file content is a TIFF image, not a PNG, JPEG or WebP image", await ErrorOfAsync(tiff));
        Assert.Equal(0, await site.UploadCountAsync());
    }
}
