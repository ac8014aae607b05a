using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ContestSite.E2E.Infrastructure;

/// <summary>axe-core run on the page as it stands; serious and critical violations fail the test.</summary>
public static class AxeChecks
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    public static async Task AssertNoSeriousViolationsAsync(this IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        Assert.True(blocking.Count == 0, $"axe found on {what} ({page.Url}):\n" + Describe(blocking));
    }

    public static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
}
