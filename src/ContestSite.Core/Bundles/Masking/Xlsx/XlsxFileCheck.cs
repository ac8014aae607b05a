using System.IO.Compression;

namespace ContestSite.Core.Bundles.Masking.Xlsx;

/// <summary>
/// Whether a file is an XLSX workbook at all, looked at before anything is written: a renamed text file,
/// an old binary .xls, or a zip of something else each get a message the organizer can act on.
/// </summary>
internal static class XlsxFileCheck
{
    public static string? ProblemWith(Stream input)
    {
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("xl/workbook.xml") is null
                ? "不是 XLSX 表格：这是一个压缩包，但其中没有 Excel 工作簿（xl/workbook.xml）"
                : null;
        }
        catch (InvalidDataException)
        {
            return "不是 XLSX 表格：文件不是 Excel 2007 及以后的 .xlsx 格式（可能是改了扩展名的其他文件，旧版 .xls 请另存为 .xlsx）";
        }
        finally
        {
            input.Position = 0;
        }
    }
}
