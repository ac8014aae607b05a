using ContestSite.Core.Bundles;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Csv;
using ContestSite.Core.Bundles.Masking.Xlsx;
using ContestSite.Core.Catalog;
using ContestSite.Web.Hosting;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>What serving one file did: the masking report (null when served as stored) or why it was not served.</summary>
/// <summary>What serving a file did; <paramref name="Tampered"/> when the stored bytes no longer match their hash (the caller raises the alarm).</summary>
public sealed record ServedFile(bool Served, MaskingReport? Report, string? Problem, bool Tampered = false);

/// <summary>
/// Writes one catalogue file to a sink, masked by the dataset's plan or as stored. CSV is masked straight
/// into the sink; XLSX is masked into a temporary file first, because a workbook found corrupt midway
/// must not leave half a file in the bundle. Other formats cannot be masked and are not served when a plan applies.
/// </summary>
public sealed class ResourceWriter(IFileStore files, AppDataPaths paths)
{
    private const int BufferSize = 81920;

    public async Task<ServedFile> WriteAsync(DatasetResource resource, MaskingPlan? plan, HashingWriteStream sink, CancellationToken cancellationToken)
    {
        var read = await files.OpenVerifiedAsync(resource.StorageKey, cancellationToken);
        if (read.Content is null) return new ServedFile(false, null, read.Tampered ? "文件校验失败，已停止提供" : "文件不在存储中", read.Tampered);
        await using var input = read.Content;
        if (plan is null)
        {
            await sink.EnsureOpenedAsync(cancellationToken);
            await input.CopyToAsync(sink, BufferSize, cancellationToken);
            return new ServedFile(true, null, null);
        }
        return BundleRules.FormatOf(resource.FileName) switch
        {
            MaskedFormat.Csv => Outcome(await new CsvMasker(plan).MaskAsync(input, sink, cancellationToken)),
            MaskedFormat.Xlsx => await WriteXlsxAsync(input, plan, sink, cancellationToken),
            _ => new ServedFile(false, null, "该数据集含敏感字段，此格式的文件无法逐行脱敏，不提供"),
        };
    }

    private async Task<ServedFile> WriteXlsxAsync(Stream input, MaskingPlan plan, HashingWriteStream sink, CancellationToken cancellationToken)
    {
        var path = Path.Combine(paths.Temp, Guid.NewGuid().ToString("N") + ".xlsx");
        await using var masked = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var report = await new XlsxMasker(plan).MaskAsync(input, masked, cancellationToken);
        if (!report.Succeeded) return Outcome(report);
        masked.Position = 0;
        await sink.EnsureOpenedAsync(cancellationToken);
        await masked.CopyToAsync(sink, BufferSize, cancellationToken);
        return Outcome(report);
    }

    private static ServedFile Outcome(MaskingReport report) => new(report.Succeeded, report, report.FatalError);
}
