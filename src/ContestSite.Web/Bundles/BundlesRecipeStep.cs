using System.Security.Claims;
using System.Text.Json;
using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Setup;
using ContestSite.Web.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>
/// <c>{"step":"bundles","organizer":"a@…","dataUseAgreement":"…","bundles":[{"track":"…","terms":"…","datasets":["title"]}],
/// "applications":[{"applicant":"c@…","dataset":"…","purpose":"…","scenario":"…","expert":"j@…","opinion":"…","securityAssessment":"…","validDays":90}]}</c>:
/// the data side of a season as organizers, teams and experts make it on the site: the data-use agreement, each track's
/// bundle and terms, and restricted-data applications taken from the request through the expert's opinion to approval.
/// </summary>
public sealed class BundlesRecipeStep(ContestDbContext db, UserManager<SiteUser> users, PublishAgreement publishAgreement, Agreements agreements,
    EditBundle editBundle, DataAccess dataAccess, ApplyForDataset apply, DecideApplication decide, GiveOpinion giveOpinion) : IRecipeStep
{
    public string Name => "bundles";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var contest = await RecipeContests.FindAsync(db, step, Name, context, cancellationToken);
        var organizer = await UserAsync(RecipeJson.RequiredString(step, "organizer", Name));
        if (RecipeJson.OptionalString(step, "dataUseAgreement") is { } agreement && await agreements.CurrentAsync(AgreementKind.DataUse, null, cancellationToken) is null)
            Check((await publishAgreement.RunAsync(AgreementKind.DataUse, null, agreement, "演示赛季的数据使用协议", organizer.Id, cancellationToken)).Result, "数据使用协议");

        foreach (var item in RecipeJson.Array(step, "bundles"))
        {
            var trackName = RecipeJson.RequiredString(item, "track", Name);
            var track = contest.Tracks.FirstOrDefault(t => t.Name == trackName) ?? throw new RecipeStepException($"数据包：赛事中没有赛道“{trackName}”");
            if (RecipeJson.OptionalString(item, "terms") is { } terms && await agreements.CurrentAsync(AgreementKind.BundleTerms, track.Id, cancellationToken) is null)
                Check(await editBundle.SetTermsAsync(track.Id, terms, "演示赛季的数据包条款", organizer.Id), $"赛道“{trackName}”的数据包条款");
            var inBundle = await db.Bundles.Where(b => b.TrackId == track.Id).SelectMany(b => b.Datasets.Select(d => d.DatasetId)).ToListAsync(cancellationToken);
            foreach (var title in RecipeJson.Array(item, "datasets").Select(d => d.GetString()))
            {
                var datasetId = await DatasetIdAsync(title);
                if (!inBundle.Contains(datasetId)) Check(await editBundle.AddAsync(track.Id, datasetId), $"赛道“{trackName}”的数据包");
            }
        }

        var approved = 0;
        foreach (var item in RecipeJson.Array(step, "applications"))
        {
            var applicant = await UserAsync(RecipeJson.RequiredString(item, "applicant", Name));
            var datasetTitle = RecipeJson.RequiredString(item, "dataset", Name);
            var datasetId = await DatasetIdAsync(datasetTitle);
            var who = await dataAccess.WhoAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, applicant.Id)], "recipe")), cancellationToken);
            if (who.Team is null) throw new RecipeStepException($"{applicant.Email} 还没有本届赛事的团队，不能申请数据");
            if (await db.AccessApplications.AnyAsync(a => a.TeamId == who.Team.Id && a.DatasetId == datasetId, cancellationToken)) continue;
            var label = $"“{who.Team.Name}”对“{datasetTitle}”的申请";
            var agreementId = (await agreements.CurrentAsync(AgreementKind.DataUse, null, cancellationToken))?.Id;
            Check(await apply.RunAsync(who, datasetId, RecipeJson.RequiredString(item, "purpose", Name), RecipeJson.RequiredString(item, "scenario", Name),
                agreementAccepted: true, agreementId), label);
            var applicationId = await db.AccessApplications.Where(a => a.TeamId == who.Team.Id && a.DatasetId == datasetId && a.Status == ApplicationStatus.Pending)
                .Select(a => a.Id).SingleAsync(cancellationToken);
            if (RecipeJson.OptionalString(item, "expert") is { } expertEmail)
            {
                var expert = await UserAsync(expertEmail);
                Check(await decide.RequestOpinionAsync(applicationId, context.Now.AddDays(7)), label);
                Check(await giveOpinion.RunAsync(applicationId, expert.Id, expert.DisplayName, supports: true, RecipeJson.RequiredString(item, "opinion", Name)), label);
            }
            Check(await decide.ApproveAsync(applicationId, organizer.Id, RecipeJson.OptionalInt(item, "validDays", 90), RecipeJson.OptionalString(item, "note"),
                RecipeJson.OptionalString(item, "securityAssessment")), label);
            approved++;
        }
        context.Messages.Add($"数据包与申请：批准 {approved} 个数据申请");
    }

    private async Task<SiteUser> UserAsync(string email) =>
        await users.FindByEmailAsync(email) ?? throw new RecipeStepException($"步骤 {Name}：没有账号 {email}");

    private async Task<Guid> DatasetIdAsync(string? title) =>
        await db.Datasets.Where(d => d.Title == title).Select(d => (Guid?)d.Id).FirstOrDefaultAsync() ?? throw new RecipeStepException($"数据目录中没有“{title}”");

    private static void Check(RuleResult result, string what)
    {
        if (!result.Allowed) throw new RecipeStepException($"{what}：{result.ChineseText}");
    }
}
