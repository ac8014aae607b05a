using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Csv;
using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>Runs the CSV masker over text and reads the output back with the catalogue's own CSV reader.</summary>
internal sealed record MaskedCsv(string Text, MaskingReport Report)
{
    public static async Task<MaskedCsv> MaskAsync(string csv, MaskingPlan? plan = null, CsvMaskingOptions? options = null) =>
        await MaskAsync(Encoding.UTF8.GetBytes(csv), plan, options);

    public static async Task<MaskedCsv> MaskAsync(byte[] csv, MaskingPlan? plan = null, CsvMaskingOptions? options = null)
    {
        using var output = new MemoryStream();
        var report = await new CsvMasker(plan ?? ReliefRecords.Plan(), options).MaskAsync(new MemoryStream(csv), output);
        return new MaskedCsv(new UTF8Encoding(false).GetString(output.ToArray()), report);
    }

    public List<CsvRecord> Records() => new CsvReader(new StringReader(Text.TrimStart('\uFEFF'))).ReadRecords().ToList();

    public IReadOnlyList<string> Header => Records()[0].Fields;

    /// <summary>The data rows as column name → value.</summary>
    public List<Dictionary<string, string>> Rows()
    {
        var records = Records();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
