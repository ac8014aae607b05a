using System.Text.Json;
using ContestSite.Core.Announcements;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Setup;

/// <summary><c>{"step":"announcements","announcements":[{"title":…,"category":"通知","body":…}]}</c>, matched by title.</summary>
public sealed class AnnouncementsStep(ContestDbContext db, TimeProvider clock) : IRecipeStep
{
    private static readonly string[] Categories = ["通知", "新闻", "规则", "结果"];
    public string Name => "announcements";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var item in RecipeJson.Array(step, "announcements"))
        {
            var title = RecipeJson.RequiredString(item, "title", Name);
            var category = RecipeJson.OptionalString(item, "category") ?? "通知";
            if (!Categories.Contains(category)) throw new RecipeStepException($"公告“{title}”的类别须为 {string.Join("、", Categories)} 之一");
            var announcement = await db.Announcements.SingleOrDefaultAsync(a => a.Title == title, cancellationToken);
            if (announcement is null)
            {
                announcement = new Announcement { Title = title, BodyMarkdown = "", Category = category, CreatedAt = now };
                db.Announcements.Add(announcement);
            }
            announcement.Category = category;
            announcement.BodyMarkdown = RecipeJson.RequiredString(item, "body", Name);
            announcement.Pinned = RecipeJson.OptionalBool(item, "pinned");
            announcement.PublishAt = item.TryGetProperty("publishAt", out _) ? RecipeJson.RequiredTime(item, "publishAt", Name, context) : now;
            announcement.UpdatedAt = now;
        }
    }
}
