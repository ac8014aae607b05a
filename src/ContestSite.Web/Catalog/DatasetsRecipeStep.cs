using System.Text.Json;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Catalog.Admin;
using ContestSite.Web.Catalog.Review;
using ContestSite.Web.Catalog.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

/// <summary>
/// <c>{"step":"datasets","datasets":[{"title":…,"openType":"Restricted","sensitivityLevel":2,"fields":["姓名|文本|…|敏感",…],
/// "file":"data/x.csv","masking":[{"field":"姓名","rule":"PersonName"}],"editor":"a@…","reviewer":"b@…"}]}</c>: a dataset added
/// by hand as an organizer does it: a draft with its fields and file, masking rules for its sensitive fields, submitted by the
/// editor and published by a second organizer's review (开放前评估审查). A dataset with the title already is left alone.
/// </summary>
public sealed class DatasetsRecipeStep(ContestDbContext db, UserManager<SiteUser> users, SaveDataset save, AddDatasetFile addFile,
    SaveMaskingRules masking, SubmitForReview submit, ReviewDatasets review) : IRecipeStep
{
    public string Name => "datasets";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var made = 0;
        foreach (var item in RecipeJson.Array(step, "datasets"))
        {
            var title = RecipeJson.RequiredString(item, "title", Name);
            if (await db.Datasets.AnyAsync(d => d.Title == title, cancellationToken)) continue;
            var editorId = await UserIdAsync(item, "editor", title);
            var reviewerId = await UserIdAsync(item, "reviewer", title);
            var input = new DatasetInput
            {
                Title = title, Description = RecipeJson.OptionalString(item, "description"), Provider = RecipeJson.OptionalString(item, "provider"),
                Province = "浙江省", City = RecipeJson.OptionalString(item, "city"), Domain = RecipeJson.OptionalString(item, "domain"),
                Tags = RecipeJson.OptionalString(item, "tags"), Formats = RecipeJson.OptionalString(item, "formats"),
                UpdateFrequency = RecipeJson.OptionalString(item, "updateFrequency"),
                OpenType = Enum.TryParse<OpenType>(RecipeJson.RequiredString(item, "openType", Name), out var openType) ? openType
                    : throw new RecipeStepException($"数据集“{title}”：openType 须为 {string.Join("、", Enum.GetNames<OpenType>())} 之一"),
                SensitivityLevel = RecipeJson.OptionalInt(item, "sensitivityLevel", 0) is > 0 and var level ? level : null,
                Fields = string.Join("\n", RecipeJson.Array(item, "fields").Select(f => f.GetString())),
            };
            var saved = await save.SaveAsync(null, input, editorId, cancellationToken) ?? throw new RecipeStepException($"数据集“{title}”未能保存");
            if (saved.Refusal is { } refusal) throw new RecipeStepException($"数据集“{title}”：{RuleText.Format(refusal)}");
            if (saved.BadFieldLines.Count > 0) throw new RecipeStepException($"数据集“{title}”的字段无法读取：{string.Join("；", saved.BadFieldLines)}");

            if (RecipeJson.OptionalString(item, "file") is { } relative)
            {
                var path = Path.GetFullPath(Path.Combine(context.RecipeDirectory, relative));
                if (!File.Exists(path)) throw new RecipeStepException($"找不到数据文件：{path}");
                await using var content = File.OpenRead(path);
                var added = await addFile.AddAsync(saved.Id, Path.GetFileName(path), content, cancellationToken);
                if (added is { Allowed: false }) throw new RecipeStepException($"数据集“{title}”的文件：{RuleText.Format(added)}");
            }
            var rules = RecipeJson.Array(item, "masking").Select(r => new MaskingRuleChoice(RecipeJson.RequiredString(r, "field", Name),
                RecipeJson.RequiredString(r, "rule", Name), r.TryGetProperty("keepFirst", out var first) ? first.GetInt32() : null,
                r.TryGetProperty("keepLast", out var last) ? last.GetInt32() : null)).ToList();
            if (rules.Count > 0 && await masking.RunAsync(saved.Id, rules) is { Count: > 0 } maskingErrors)
                throw new RecipeStepException($"数据集“{title}”的脱敏规则：{string.Join("；", maskingErrors)}");

            if (await submit.SubmitAsync(saved.Id, editorId, cancellationToken) is { Allowed: false } notSubmitted)
                throw new RecipeStepException($"数据集“{title}”无法提交审核：{RuleText.Format(notSubmitted)}");
            var round = await db.Datasets.Where(d => d.Id == saved.Id).Select(d => d.ReviewRound).SingleAsync(cancellationToken);
            var assessment = new ReviewAssessment(ReviewDecision.Approved, LevelConfirmed: true, SensitiveFieldsConfirmed: true, MaskingRulesComplete: rules.Count > 0,
                RecipeJson.RequiredString(item, "openTypeJustification", Name), ReturnReason: null);
            var reviewed = await review.ReviewAsync([new ReviewItem(saved.Id, round)], assessment, reviewerId, cancellationToken);
            if (!reviewed.Done) throw new RecipeStepException($"数据集“{title}”未通过审核：{string.Join("；", reviewed.Refusals.Select(RuleText.Format))}");
            made++;
        }
        context.Messages.Add($"数据集：新建并发布 {made} 个");
    }

    private async Task<string> UserIdAsync(JsonElement item, string property, string title)
    {
        var email = RecipeJson.RequiredString(item, property, Name);
        var user = await users.FindByEmailAsync(email) ?? throw new RecipeStepException($"数据集“{title}”：没有账号 {email}");
        return user.Id;
    }
}
