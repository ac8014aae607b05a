using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>
/// What a file response with range processing will send, decided the way ASP.NET Core's file results decide it
/// (one byte range honoured, several or an <c>If-Range</c> answered with the whole file, an unsatisfiable one
/// with 416), so the record says what left the server: a 416 sends nothing and is no download.
/// </summary>
public readonly record struct DownloadRange(long Offset, long Length, bool Partial)
{
    public bool SendsNothing => Length == 0 && Partial;

    public static DownloadRange Of(HttpRequest request, long fileLength)
    {
        var whole = new DownloadRange(0, fileLength, Partial: false);
        if (!HttpMethods.IsGet(request.Method) || request.Headers.IfRange.Count > 0 || request.Headers.Range.Count == 0) return whole;
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header)
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || header.Ranges.Count != 1)
            return whole;
        var range = header.Ranges.Single();
        long start, end;
        if (range.From is { } from)
        {
            if (from >= fileLength) return Nothing;
            start = from;
            end = range.To is { } to && to < fileLength ? to : fileLength - 1;
        }
        else if (range.To is { } suffix && suffix > 0 && fileLength > 0)
        {
            start = Math.Max(0, fileLength - suffix);
            end = fileLength - 1;
        }
        else return Nothing;
        return new DownloadRange(start, end - start + 1, Partial: true);
    }

    private static DownloadRange Nothing => new(0, 0, Partial: true);

    /// <summary>For the record: <c>bytes a-b/n</c> for a part, empty for the whole file.</summary>
    public string Describe(long fileLength) => Partial
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bytes {Offset}-{Offset + Length - 1}/{fileLength}")
        : "";
}
