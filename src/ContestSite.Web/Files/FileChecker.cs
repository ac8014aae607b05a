using ContestSite.Core.Submissions;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Files;

/// <summary>
/// The one call the upload endpoints make once a file is in a temporary place: size for its kind,
/// type by content, then the kind's own checks (a zip's headers and every entry's size and CRC, an
/// image's header). Zip entries are decompressed to be counted, never kept; images are not decoded
/// here: thumbnails come later from <see cref="ThumbnailQueue"/>.
/// </summary>
public sealed class FileChecker(IOptions<FileLimitsOptions> options, ZipInspector zips, ImageInspector images)
{
    /// <summary>Checks a seekable stream (the uploaded temporary file) and leaves its position at the start.</summary>
    public async Task<FileCheck> CheckAsync(SubmissionFileKind kind, Stream content, CancellationToken cancellationToken = default)
    {
        if (!content.CanSeek) throw new ArgumentException("file checks need a seekable stream", nameof(content));
        content.Position = 0;
        var detected = await ContentSniffer.SniffAsync(content, cancellationToken);
        var typeCheck = FileKinds.CheckType(kind, detected);
        if (!typeCheck.IsAccepted) return typeCheck;
        var sizeRefusal = FileKinds.RefusalForSize(kind, content.Length, options.Value);
        if (sizeRefusal is not null) return FileCheck.Refuse(detected, sizeRefusal);
        try
        {
            return kind switch
            {
                SubmissionFileKind.SourcePackage => FromZip(detected, zips.Inspect(content, cancellationToken)),
                SubmissionFileKind.Screenshot => FromImage(detected, await images.InspectAsync(content, cancellationToken)),
                _ => typeCheck,
            };
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static FileCheck FromZip(DetectedFileType detected, ZipInspection inspection) =>
        inspection.IsSafe ? FileCheck.Accept(detected) : FileCheck.Refuse(detected, inspection.Reason!);

    private static FileCheck FromImage(DetectedFileType detected, ImageInspection inspection) =>
        inspection.IsAcceptable ? FileCheck.Accept(detected) : FileCheck.Refuse(detected, inspection.Reason!);
}
