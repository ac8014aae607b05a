using System.Text.Json;
using ContestSite.Web.Setup;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Setup;

public sealed class RecipeTests
{
    private static async Task<RecipeResult> RunAsync(SiteFactory site, string json)
    {
        using var scope = site.Services.CreateScope();
        using var document = JsonDocument.Parse(json);
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunAsync(document.RootElement, Path.Combine(AppContext.BaseDirectory, "recipes"));
    }

    private static Task<(int Roles, int Contests, int Tracks, int Rounds, int Criteria, int Announcements, int Users)> CountAsync(SiteFactory site) =>
        site.WithDbAsync(async db => (await db.Roles.CountAsync(), await db.Contests.CountAsync(), await db.Tracks.CountAsync(), await db.Rounds.CountAsync(),
            await db.RubricCriteria.CountAsync(), await db.Announcements.CountAsync(), await db.Users.CountAsync()));

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_first_start_runs_the_default_recipe_and_running_it_again_changes_nothing(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        var first = await CountAsync(site);
        Assert.Equal((4, 1, 3, 3, 15, 1, 1), first);

        string recipe = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "default.recipe.json"));
        var again = await RunAsync(site, recipe);

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(first, await CountAsync(site));
        Assert.Equal(24, await site.WithDbAsync(db => db.Datasets.CountAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.DatasetResources.CountAsync()));
        var contest = await site.WithDbAsync(db => db.Contests.SingleAsync());
        Assert.Equal(2020, contest.Year);
        Assert.Equal(new DateTimeOffset(2020, 9, 30, 10, 0, 0, TimeSpan.Zero), contest.RegistrationClosesAt);
    }

    [Fact]
    public async Task An_unknown_recipe_step_is_named_in_the_error_and_nothing_is_applied()
    {
        await using var site = await SiteFactory.CreateAsync();
        var before = await CountAsync(site);

        var result = await RunAsync(site, """
            { "name": "typo", "steps": [
              { "step": "roles", "roles": [ { "name": "Observers", "permissions": [] } ] },
              { "step": "contst", "name": "x" } ] }
            """);

        Assert.False(result.Succeeded);
        Assert.Contains("第 2 步", result.Error);
        Assert.Contains("contst", result.Error);
        Assert.Equal(before, await CountAsync(site));
    }

    [Fact]
    public async Task A_recipe_that_fails_half_way_leaves_the_database_as_it_was()
    {
        await using var site = await SiteFactory.CreateAsync();
        var before = await CountAsync(site);

        var result = await RunAsync(site, """
            { "name": "broken", "steps": [
              { "step": "roles", "roles": [ { "name": "Observers", "permissions": [ "announcements.view" ] } ] },
              { "step": "announcements", "announcements": [ { "title": "半途公告", "category": "通知", "body": "不应保存" } ] },
              { "step": "contest", "name": "坏赛事", "year": 2031,
                "registrationOpensAt": "2031-09-01T00:00:00+08:00", "registrationClosesAt": "2031-08-01T00:00:00+08:00",
                "rosterLocksAt": "2031-10-01T00:00:00+08:00" } ] }
            """);

        Assert.False(result.Succeeded);
        Assert.Contains("第 3 步（contest）", result.Error);
        Assert.Contains("报名截止时间须晚于报名开始时间", result.Error);
        Assert.Contains("数据库未作任何更改", result.Error);
        Assert.Equal(before, await CountAsync(site));
        Assert.False(await site.WithDbAsync(db => db.Roles.AnyAsync(r => r.Name == "Observers")));
    }

    [Fact]
    public async Task A_role_with_an_unknown_permission_is_refused()
    {
        await using var site = await SiteFactory.CreateAsync();

        var result = await RunAsync(site, """{ "steps": [ { "step": "roles", "roles": [ { "name": "Hackers", "permissions": [ "root.everything" ] } ] } ] }""");

        Assert.False(result.Succeeded);
        Assert.Contains("root.everything", result.Error);
        Assert.False(await site.WithDbAsync(db => db.Roles.AnyAsync(r => r.Name == "Hackers")));
    }

    [Fact]
    public async Task A_recipe_that_is_not_json_is_refused_with_its_line()
    {
        await using var site = await SiteFactory.CreateAsync();
        var file = Path.Combine(site.AppDataPath, "bad.recipe.json");
        await File.WriteAllTextAsync(file, "{ \"steps\": [\n  { \"step\": \"roles\", }\n  oops ]");
        using var scope = site.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunFileAsync(file);

        Assert.False(result.Succeeded);
        Assert.Contains("不是有效的 JSON", result.Error);
    }

    [Fact]
    public async Task Applying_a_recipe_writes_an_audit_entry()
    {
        await using var site = await SiteFactory.CreateAsync();
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "setup.recipe" && e.Subject == "recipe:default")));
    }
}
