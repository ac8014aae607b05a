namespace ContestSite.Core.Bundles;

/// <summary>The thresholds of the risk warning: more than this volume or count in the window raises a flag.</summary>
public sealed record RiskLimits(long MaxBytes, int MaxDownloads, TimeSpan Window);

/// <summary>风险预警: whether downloads in the window went past the limits, and why, for the organizers' mail.</summary>
public static class DownloadRisk
{
    public static string? Exceeded(long bytesInWindow, int downloadsInWindow, RiskLimits limits)
    {
        if (bytesInWindow > limits.MaxBytes) return $"{limits.Window.TotalHours:0.#} 小时内下载 {bytesInWindow:N0} 字节，超过 {limits.MaxBytes:N0} 字节";
        if (downloadsInWindow > limits.MaxDownloads) return $"{limits.Window.TotalHours:0.#} 小时内下载 {downloadsInWindow} 次，超过 {limits.MaxDownloads} 次";
        return null;
    }
}
