using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>A file as the contributor sent it: the name they gave and a way to read it once.</summary>
public sealed record ContributedFile(string? FileName, Func<Stream> Open);

/// <summary>A contributed file that passed the checks, waiting in a temporary file (deleted when disposed) to be stored.</summary>
public sealed class CheckedFile(string fileName, FileStream content, FileCheck check) : IAsyncDisposable
{
    public string FileName { get; } = fileName;
    public FileStream Content { get; } = content;
    public FileCheck Check { get; } = check;
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Contributed files pass the entry files' checks (<see cref="FileChecker"/>), with their messages and limits: the data
/// as a ZIP package (checked as a source package: size, every entry's header, size and CRC, nesting, ratio) and its
/// documentation as PDF (checked as a proposal). Everything is checked before anything is stored, so a refusal keeps
/// no file.
/// </summary>
public sealed class ContributionFiles(FileChecker checker, IFileStore store)
{
    public const int MaxFiles = 5;
    /// <summary>What one form may carry in all (five files at the default limits fit).</summary>
    public const long MaxRequestBytes = 1L << 30;

    /// <summary>Every file checked, or the first refusal (then nothing is kept).</summary>
    public async Task<(RuleResult Result, IReadOnlyList<CheckedFile> Files)> CheckAsync(IReadOnlyList<ContributedFile> files, bool required, CancellationToken cancellationToken)
    {
        if (files.Count == 0 && required) return (RuleResult.Refuse("请上传至少一个数据文件"), []);
        if (files.Count > MaxFiles) return (RuleResult.Refuse("一次最多上传 {0} 个文件", MaxFiles), []);
        var checkedFiles = new List<CheckedFile>();
        foreach (var file in files)
        {
            var name = FileNames.Clean(file.FileName);
            var temporary = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var source = file.Open()) await source.CopyToAsync(temporary, cancellationToken);
            temporary.Position = 0;
            var detected = await ContentSniffer.SniffAsync(temporary, cancellationToken);
            var kind = detected == DetectedFileType.Pdf ? SubmissionFileKind.Proposal : SubmissionFileKind.SourcePackage;
            var check = await checker.CheckAsync(kind, temporary, cancellationToken);
            if (!check.IsAccepted)
            {
                await temporary.DisposeAsync();
                foreach (var accepted in checkedFiles) await accepted.DisposeAsync();
                return (RuleResult.Refuse("文件“{0}”未通过检查（数据请打包为 ZIP，说明文档请用 PDF）：{1}", name, new LocalText(check.Reason!.Message!, check.Reason.Arguments)), []);
            }
            checkedFiles.Add(new CheckedFile(name, temporary, check));
        }
        return (RuleResult.Ok, checkedFiles);
    }

    /// <summary>Stores checked files and describes them as the dataset's resources.</summary>
    public async Task<List<DatasetResource>> StoreAsync(IReadOnlyList<CheckedFile> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resources = new List<DatasetResource>();
        foreach (var file in files)
        {
            file.Content.Position = 0;
            var stored = await store.SaveAsync(file.Content, file.Content.Length, cancellationToken);
            var name = DetectedFileTypes.DownloadName(file.FileName, file.Check.Detected);
            resources.Add(new DatasetResource
            {
                FileName = name, SizeBytes = stored.Size, ContentHash = stored.Sha256, StorageKey = stored.Key,
                Format = file.Check.Detected == DetectedFileType.Pdf ? "pdf" : "zip", UploadedAt = now,
            });
        }
        return resources;
    }
}
