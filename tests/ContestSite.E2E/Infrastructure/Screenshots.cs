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
        Assert.True(overflow <= 0, $"{name} is {overflow}px wider than a {MobileWidth}px phone screen");
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

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
