using Microsoft.Extensions.Options;

namespace ContestSite.Web.Certificates;

/// <summary>Settings of the award certificates, bound from <c>ContestSite:Certificates</c>.</summary>
public sealed class CertificateOptions
{
    public const string Section = "ContestSite:Certificates";

    /// <summary>
    /// The Chinese font the PDF embeds (a subset of it). PDFsharp embeds TrueType outlines only: Debian's Noto CJK
    /// (<c>fonts-noto-cjk</c>) has PostScript (CFF) outlines and came out as an unreadable 13 MB file, so the default
    /// is WenQuanYi Micro Hei (<c>fonts-wqy-microhei</c>), whose outlines are TrueType: a certificate is about 60 KB.
    /// </summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>Which face of a font collection (<c>.ttc</c>) to use, from 0; ignored for a single font file.</summary>
    public int FontIndex { get; set; }
}

/// <summary>Stops the start with a message naming the setting when the font cannot make a Chinese certificate.</summary>
public sealed class CertificateOptionsValidator : IValidateOptions<CertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateOptions options)
    {
        var problem = CertificateFont.Problem(options.FontPath, options.FontIndex);
        return problem is null ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ContestSite__Certificates__FontPath / __FontIndex ({options.FontPath}, face {options.FontIndex}): {problem}");
    }
}
