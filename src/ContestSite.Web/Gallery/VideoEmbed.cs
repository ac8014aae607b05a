using System.Text.RegularExpressions;

namespace ContestSite.Web.Gallery;

/// <summary>
/// A team's video link turned into the player of a known video site, so the entry page can embed it. Only the
/// hosts below are ever framed; any other link stays a plain link. The page that embeds adds exactly the
/// player's origin to its <c>frame-src</c>, so the site's policy frames nothing else.
/// </summary>
public sealed partial record VideoEmbed(Uri Player)
{
    public string FrameSource => Player.GetLeftPart(UriPartial.Authority);

    public static VideoEmbed? From(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        string? player = host switch
        {
            // 哔哩哔哩: /video/BV1xx411c7mD
            "www.bilibili.com" or "bilibili.com" or "m.bilibili.com" when BilibiliPath().Match(path) is { Success: true } m =>
                $"https://player.bilibili.com/player.html?bvid={m.Groups[1].Value}&autoplay=0",
            // 优酷: /v_show/id_XNDk2.html
            "v.youku.com" when YoukuPath().Match(path) is { Success: true } m => $"https://player.youku.com/embed/{m.Groups[1].Value}",
            // 腾讯视频: /x/page/{vid}.html or /x/cover/{cid}/{vid}.html
            "v.qq.com" when TencentPath().Match(path) is { Success: true } m => $"https://v.qq.com/txp/iframe/player.html?vid={m.Groups[1].Value}",
            "www.youtube.com" or "youtube.com" when path == "/watch" && YoutubeId(Query(uri, "v")) is { } id => $"https://www.youtube-nocookie.com/embed/{id}",
            "youtu.be" when YoutubeId(path.TrimStart('/')) is { } id => $"https://www.youtube-nocookie.com/embed/{id}",
            _ => null,
        };
        return player is null ? null : new VideoEmbed(new Uri(player));
    }

    private static string? Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? YoutubeId(string? id) => id is not null && YoutubeIdPattern().IsMatch(id) ? id : null;

    [GeneratedRegex(@"^/video/(BV[0-9A-Za-z]{10})/?$")]
    private static partial Regex BilibiliPath();

    [GeneratedRegex(@"^/v_show/id_([0-9A-Za-z=]{6,40})\.html$")]
    private static partial Regex YoukuPath();

    [GeneratedRegex(@"^/x/(?:page|cover/[0-9A-Za-z]+)/([0-9A-Za-z]{6,20})\.html$")]
    private static partial Regex TencentPath();

    [GeneratedRegex(@"^[0-9A-Za-z_-]{11}$")]
    private static partial Regex YoutubeIdPattern();
}
