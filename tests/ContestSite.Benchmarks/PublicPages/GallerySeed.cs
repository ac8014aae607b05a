using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Files;
using ContestSite.Web.Gallery;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ContestSite.Benchmarks.PublicPages;

/// <summary>
/// Finalised entries, each with a screenshot re-encoded by the site's own thumbnail maker, put into the gallery through the
/// organizers' publish use case (so the pages' cache is evicted as in production); returns one entry to open.
/// </summary>
internal static class GallerySeed
{
    public static async Task<int> SeedAsync(IServiceProvider services, int count)
    {
        var screenshot = ScreenshotPng();
        var id = 0;
        for (var i = 1; i <= count; i++)
        {
            using var scope = services.CreateScope();
            var submissionId = await FinalisedEntryAsync(scope.ServiceProvider, i, screenshot);
            var organizerId = await scope.ServiceProvider.GetRequiredService<ContestDbContext>().Users.Select(u => u.Id).FirstAsync();
            var result = await scope.ServiceProvider.GetRequiredService<PublishToGallery>().RunAsync(new GalleryPublishInput
            {
                SubmissionId = submissionId, ConsentGivenBy = "王队长（队长）", ConsentText = "同意公开作品介绍、截图和团队名称",
                ConsentGivenAt = "2020-11-05T09:00", ConsentConfirmed = true, Title = $"第 {i} 号作品：城市公交到站预测",
                Text = $"## 作品 {i}\n\n基于公共交通开放数据预测到站时间。\n\n- 数据：公交 GPS、线路站点\n- 方法：时空图模型\n",
                TeamDisplayName = $"第 {i} 号队", MemberDisplayNames = "王某\n李某\n张某",
            }, organizerId);
            if (!result.Saved) throw new InvalidOperationException(string.Join("; ", result.Refusals.Select(r => r.ChineseText)));
            id = result.Id;
        }
        using var check = services.CreateScope();
        var shown = await check.ServiceProvider.GetRequiredService<GalleryEntryDetails>().FindAsync(id);
        if (shown is not { Screenshots.Count: > 0 }) throw new InvalidOperationException($"gallery entry {id} shows no screenshot thumbnail");
        return id;
    }

    private static async Task<int> FinalisedEntryAsync(IServiceProvider services, int i, byte[] screenshot)
    {
        var db = services.GetRequiredService<ContestDbContext>();
        var store = services.GetRequiredService<IFileStore>();
        var userId = await db.Users.Select(u => u.Id).FirstAsync();
        var contest = await db.Contests.Include(c => c.Tracks).Include(c => c.Rounds).FirstAsync();
        var track = contest.Tracks[i % contest.Tracks.Count];
        var name = $"基准测试第 {i} 号队";
        var team = new Team
        {
            ContestId = contest.Id, TrackId = track.Id, Name = name, NameKey = TeamNames.Normalize(name), OrganizationName = "杭州某科技公司",
            Status = TeamStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var original = await store.SaveAsync(new MemoryStream(screenshot), 10_000_000);
        var version = new SubmissionVersion
        {
            Number = 1, Title = $"作品 {i}", Pitch = "用开放数据让公交更准时", Description = "**作品介绍**", Category = i % 2 == 0 ? "交通出行" : "城市治理",
            SavedAt = DateTimeOffset.UtcNow, SavedByUserId = userId,
        };
        version.Files.Add(new SubmissionFile
        {
            Kind = SubmissionFileKind.Screenshot, FileName = "首页.png", ContentType = "image/png", Length = original.Size, Sha256 = original.Sha256, StorageKey = original.Key,
        });
        var submission = new Submission
        {
            ContestId = contest.Id, RoundId = contest.Rounds.OrderBy(r => r.Sequence).First().Id, TrackId = track.Id, TeamId = team.Id,
            Status = SubmissionStatus.Finalised, CurrentVersionNumber = 1, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            FinalisedAt = DateTimeOffset.UtcNow, FinalisedByUserId = userId, Versions = [version],
        };
        db.Submissions.Add(submission);
        await AddThumbnailsAsync(services, db, store, original.Key, screenshot);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    /// <summary>The thumbnails the site's queue would make, made here at once so the pages show them from the first request.</summary>
    private static async Task AddThumbnailsAsync(IServiceProvider services, ContestDbContext db, IFileStore store, string sourceKey, byte[] screenshot)
    {
        if (await db.SubmissionThumbnails.AnyAsync(t => t.SourceKey == sourceKey)) return;
        var made = await services.GetRequiredService<ThumbnailMaker>().MakeAsync(new MemoryStream(screenshot));
        if (!made.Succeeded) throw new InvalidOperationException(made.Refusal);
        foreach (var thumbnail in made.Thumbnails)
        {
            var file = await store.SaveAsync(new MemoryStream(thumbnail.Content), 10_000_000);
            db.SubmissionThumbnails.Add(new SubmissionThumbnail
            {
                SourceKey = sourceKey, SlotWidth = thumbnail.SlotWidth, Width = thumbnail.Width, Height = thumbnail.Height,
                ContentType = thumbnail.ContentType, StorageKey = file.Key, Length = file.Size,
            });
        }
    }

    /// <summary>A 1280×800 gradient: large enough for every allowed width.</summary>
    private static byte[] ScreenshotPng()
    {
        using var image = new Image<Rgba32>(1280, 800);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = new Rgba32((byte)(x / 5), (byte)(y / 4), 160);
            }
        });
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder());
        return output.ToArray();
    }
}
