using Microsoft.Playwright;

namespace ContestSite.E2E.Infrastructure;

/// <summary>Full-page screenshots under <c>test-output/screenshots/</c> at the repository root (git-ignored).</summary>
public static class Screenshots
{
    public const int DesktopWidth = 1280;
    public const int MobileWidth = 390;

    public static string Folder { get; } = CreateFolder();

    /// <summary>Saves the page as <c>name.png</c> and returns the file's path.</summary>
    public static async Task<string> TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
        return path;
    }

    /// <summary>Saves the page at desktop and at mobile width (<c>name-desktop.png</c>, <c>name-mobile.png</c>).</summary>
    public static async Task TakeDesktopAndMobileAsync(IPage page, string name)
    {
        var original = page.ViewportSize ?? new PageViewportSizeResult { Width = DesktopWidth, Height = 800 };
        await page.SetViewportSizeAsync(DesktopWidth, 800);
        await TakeAsync(page, name + "-desktop");
        await page.SetViewportSizeAsync(MobileWidth, 844);
        await TakeAsync(page, name + "-mobile");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string[]>(WiderThanScreen);
            Assert.Fail($"{name} is {overflow}px wider than a {MobileWidth}px phone screen; too wide: {string.Join(", ", culprits)}");
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>The innermost elements reaching past the right edge of the screen, as <c>tag.class</c>.</summary>
    private const string WiderThanScreen = """
        () => {
          const width = document.documentElement.clientWidth;
          const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 0.5
                && getComputedStyle(e).position !== 'absolute') return true; return false; };
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e));
          return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 8)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '') + ' "' + (e.textContent || '').trim().slice(0, 30) + '"');
        }
        """;

    private static string CreateFolder()
    {
        var folder = Path.Combine(RepositoryRoot(), "test-output", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The folder holding ContestSite.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContestSite.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ContestSite.sln not found above " + AppContext.BaseDirectory);
    }
}
