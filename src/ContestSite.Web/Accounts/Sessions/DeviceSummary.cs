namespace ContestSite.Web.Accounts.Sessions;

/// <summary>"Chrome · Windows" from a user-agent, for the session list; unknown agents are kept short rather than guessed.</summary>
public static class DeviceSummary
{
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("MicroMessenger/", "WeChat"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari")];
    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string From(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        if (browser is null && system is null)
            return userAgent.Length <= 60 ? userAgent : userAgent[..60];
        return string.Join(" · ", new[] { browser, system }.Where(p => p is not null));
    }
}
