namespace ContestSite.Core.Bundles.Masking.Xlsx;

public enum XlsxSheets
{
    /// <summary>Every sheet is masked and served; none is left behind unmasked.</summary>
    All,
    /// <summary>Only the first sheet is served; the others are left out.</summary>
    First,
}
