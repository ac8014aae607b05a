namespace ContestSite.Web.Accounts;

/// <summary>Links between the sign-in pages, carrying the page to return to when it is one of ours.</summary>
public static class SecondStep
{
    public static string Path(string route, string? returnUrl) =>
        SafeReturnUrl.IsLocal(returnUrl) ? route + "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : route;
}
