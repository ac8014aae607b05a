namespace ContestSite.Web;

/// <summary>Only paths on this site may be returned to after sign-in; anything else goes home.</summary>
public static class SafeReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
