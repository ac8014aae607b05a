using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>The thresholds of the risk warning: more than this volume or count in the window raises a flag.</summary>
public sealed record RiskLimits(long MaxBytes, int MaxDownloads, TimeSpan Window, int MaxRefused = int.MaxValue);

/// <summary>风险预警: whether downloads in the window went past the limits, and why, for the organizers' mail.</summary>
public static class DownloadRisk
{
    public static string? Exceeded(long bytesInWindow, int downloadsInWindow, RiskLimits limits) =>
        Explain(bytesInWindow, downloadsInWindow, limits)?.ToString();

    /// <summary>The reason as a localizer key with its values, so each organizer reads it in their own language.</summary>
    public static LocalText? Explain(long bytesInWindow, int downloadsInWindow, RiskLimits limits)
    {
        if (bytesInWindow > limits.MaxBytes) return new LocalText("{0:0.#} 小时内下载 {1}，超过 {2}", limits.Window.TotalHours, ByteSizes.Words(bytesInWindow), ByteSizes.Words(limits.MaxBytes));
        if (downloadsInWindow > limits.MaxDownloads) return new LocalText("{0:0.#} 小时内下载 {1} 次，超过 {2} 次", limits.Window.TotalHours, downloadsInWindow, limits.MaxDownloads);
        return null;
    }

    /// <summary>Why refused requests for restricted or prohibited files in the window are a risk, or null while within the limit.</summary>
    public static LocalText? ExplainRefused(int refusedInWindow, RiskLimits limits) =>
        refusedInWindow > limits.MaxRefused
            ? new LocalText("{0:0.#} 小时内 {1} 次请求未获许可的受限或禁止开放数据，超过 {2} 次", limits.Window.TotalHours, refusedInWindow, limits.MaxRefused)
            : null;
}
