namespace ContestSite.Web.Storage;

/// <summary>
/// Serves stored files only when their bytes still match their hash: a missing file is a 404, a changed one
/// is refused (409, "the file failed its check") and raises <see cref="StoredFileAlarm"/>.
/// </summary>
public sealed class StoredFileDownloads(IFileStore store, StoredFileAlarm alarm)
{
    public async Task<IResult> FileAsync(string key, string contentType, string? downloadName, string servedAs, CancellationToken cancellationToken,
        bool enableRangeProcessing = true)
    {
        var read = await store.OpenVerifiedAsync(key, cancellationToken);
        if (read.Content is { } content) return Results.File(content, contentType, downloadName, enableRangeProcessing: enableRangeProcessing);
        if (read.Tampered) await alarm.RaiseAsync(key, servedAs, cancellationToken);
        return read.Tampered ? Results.StatusCode(StatusCodes.Status409Conflict) : Results.NotFound();
    }
}
