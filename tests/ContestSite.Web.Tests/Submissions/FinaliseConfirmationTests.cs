using System.Net;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>定稿 cannot be undone by the team, so it asks first on a page of its own, which works without JavaScript.</summary>
public sealed class FinaliseConfirmationTests
{
    [Fact]
    public async Task Finalising_asks_first_on_a_page_that_names_the_consequence_and_a_post_without_the_confirmation_changes_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        await team.Captain.SaveAsync(team.RoundId, "三思而后定稿");

        var entryPage = await team.Captain.GetAsync($"/submissions/{team.RoundId}");
        var confirmation = await team.Captain.GetAsync($"/submissions/{team.RoundId}/finalise");
        var token = confirmation.AntiforgeryToken!;
        var unconfirmed = await team.Captain.PostAsync($"/submissions/{team.RoundId}?handler=Finalise", [new("__RequestVerificationToken", token)]);
        var forged = await team.Captain.PostAsync($"/submissions/{team.RoundId}?handler=Finalise", [new("confirmed", "false"), new("__RequestVerificationToken", token)]);

        Assert.Contains($"href=\"/submissions/{team.RoundId}/finalise\"", entryPage.Html);
        Assert.DoesNotContain("handler=Finalise", entryPage.Html);
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("定稿后不能再修改作品，评委将评审此版本", confirmation.Text);
        Assert.Contains("第 1 版 · 三思而后定稿", confirmation.Text);
        Assert.Contains("name=\"confirmed\" value=\"true\"", confirmation.Html);
        Assert.Contains($"href=\"/submissions/{team.RoundId}\"", confirmation.Html);
        Assert.All([unconfirmed, forged], page => Assert.Equal($"/submissions/{team.RoundId}/finalise", page.Location?.OriginalString));
        Assert.Equal(SubmissionStatus.Draft, (await site.EntryAsync(team.Id))!.Status);
        Assert.Equal(0, await site.AuditCountAsync("submission.finalised"));

        var confirmed = await team.Captain.PostAsync($"/submissions/{team.RoundId}?handler=Finalise",
            [new("confirmed", "true"), new("version", "1"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(SubmissionStatus.Finalised, (await site.EntryAsync(team.Id))!.Status);
    }

    [Fact]
    public async Task A_confirmation_given_for_a_version_that_a_teammate_replaced_meanwhile_finalises_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        await team.Captain.SaveAsync(team.RoundId, "队长看过的版本");
        var token = (await team.Captain.GetAsync($"/submissions/{team.RoundId}/finalise")).AntiforgeryToken!;
        await team.Member.SaveAsync(team.RoundId, "队员刚保存的版本");

        var confirmed = await team.Captain.PostAsync($"/submissions/{team.RoundId}?handler=Finalise",
            [new("confirmed", "true"), new("version", "1"), new("__RequestVerificationToken", token)]);

        Assert.Contains("作品刚被修改或已经定稿，请刷新页面查看", confirmed.Text);
        var entry = (await site.EntryAsync(team.Id))!;
        Assert.Equal((SubmissionStatus.Draft, 2), (entry.Status, entry.CurrentVersionNumber));
    }
}
