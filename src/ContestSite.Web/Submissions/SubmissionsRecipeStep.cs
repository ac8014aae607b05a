using System.Text.Json;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Setup;
using ContestSite.Web.Submissions.Uploads;
using ContestSite.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>
/// <c>{"step":"submissions","year":2026,"submissions":[{"team":"…","round":1,"title":"…","pitch":"…","description":"…",
/// "category":"交通出行","datasets":["title"],"screenshots":["#1f6feb","#0b8a5f"],"files":[{"kind":"Proposal","file":"data/x.pdf"}],
/// "finalise":true}]}</c>: the captain's entry, made through the same upload checks, save and finalisation as on the site
/// (screenshots are drawn at run time and get their thumbnails like any upload). A team with an entry in the round is left alone.
/// </summary>
public sealed class SubmissionsRecipeStep(ContestDbContext db, FormFileUpload uploads, SaveSubmission save, FinaliseSubmission finalise) : IRecipeStep
{
    public string Name => "submissions";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var contest = await RecipeContests.FindAsync(db, step, Name, context, cancellationToken);
        var made = 0;
        foreach (var item in RecipeJson.Array(step, "submissions"))
        {
            var teamName = RecipeJson.RequiredString(item, "team", Name);
            var sequence = RecipeJson.OptionalInt(item, "round", 1);
            var round = contest.Rounds.FirstOrDefault(r => r.Sequence == sequence) ?? throw new RecipeStepException($"作品：赛事没有第 {sequence} 轮");
            var team = await db.Teams.AsNoTracking().Include(t => t.Members)
                .FirstOrDefaultAsync(t => t.ContestId == contest.Id && t.NameKey == TeamNames.Normalize(teamName), cancellationToken)
                ?? throw new RecipeStepException($"作品：没有团队“{teamName}”");
            if (await db.Submissions.AnyAsync(s => s.TeamId == team.Id && s.RoundId == round.Id, cancellationToken)) continue;
            var captainId = team.Members.Single(m => m.Role == TeamRole.Captain).UserId;

            var input = new SubmissionInput
            {
                Title = RecipeJson.RequiredString(item, "title", Name), Pitch = RecipeJson.OptionalString(item, "pitch"),
                Description = RecipeJson.OptionalString(item, "description"), Category = RecipeJson.OptionalString(item, "category"),
                DemoUrl = RecipeJson.OptionalString(item, "demoUrl"), VideoUrl = RecipeJson.OptionalString(item, "videoUrl"),
            };
            foreach (var title in RecipeJson.Array(item, "datasets").Select(d => d.GetString()))
                input.DatasetIds.Add(await db.Datasets.Where(d => d.Title == title).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new RecipeStepException($"作品“{input.Title}”：数据目录中没有“{title}”"));
            var number = 0;
            foreach (var colour in RecipeJson.Array(item, "screenshots").Select(c => c.GetString() ?? "#1f6feb"))
            {
                await using var png = DemoScreenshot.Png(colour, seed: input.Title.GetHashCode(StringComparison.Ordinal) + number);
                input.UploadIds.Add(await UploadAsync(round.Id, captainId, SubmissionFileKind.Screenshot, $"screenshot-{++number}.png", png, input.Title, cancellationToken));
            }
            foreach (var file in RecipeJson.Array(item, "files"))
            {
                var kind = Enum.Parse<SubmissionFileKind>(RecipeJson.RequiredString(file, "kind", Name));
                var path = Path.GetFullPath(Path.Combine(context.RecipeDirectory, RecipeJson.RequiredString(file, "file", Name)));
                if (!File.Exists(path)) throw new RecipeStepException($"找不到文件：{path}");
                await using var content = File.OpenRead(path);
                input.UploadIds.Add(await UploadAsync(round.Id, captainId, kind, Path.GetFileName(path), content, input.Title, cancellationToken));
            }

            var (saved, _) = await save.RunAsync(round.Id, captainId, input, cancellationToken);
            if (!saved.Allowed) throw new RecipeStepException($"作品“{input.Title}”无法保存：{saved.ChineseText}");
            if (RecipeJson.OptionalBool(item, "finalise"))
            {
                var finalised = await finalise.RunAsync(round.Id, captainId, cancellationToken: cancellationToken);
                if (!finalised.Allowed) throw new RecipeStepException($"作品“{input.Title}”无法定稿：{finalised.ChineseText}");
            }
            made++;
        }
        context.Messages.Add($"作品：新建 {made} 件");
    }

    private async Task<Guid> UploadAsync(int roundId, string userId, SubmissionFileKind kind, string fileName, Stream content, string title, CancellationToken cancellationToken)
    {
        var file = new FormFile(content, 0, content.Length, "file", fileName);
        var (result, id) = await uploads.RunAsync(roundId, userId, kind, file, cancellationToken);
        return id ?? throw new RecipeStepException($"作品“{title}”的文件 {fileName} 未被接受：{result.ChineseText}");
    }
}
