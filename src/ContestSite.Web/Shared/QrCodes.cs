using QRCoder;

namespace ContestSite.Web;

/// <summary>
/// QR codes drawn on the server: as a PNG data URI for a page (no script, and the content policy allows data images),
/// or as the bare module grid for a document that draws it as vectors (a certificate's PDF stays sharp when printed).
/// </summary>
public static class QrCodes
{
    /// <summary>M: about 15 % of the code may be damaged or covered and it still reads.</summary>
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    public static string PngDataUri(string text, int pixelsPerModule = 5) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(text, Correction, pixelsPerModule));

    /// <summary>The dark (true) and light modules, row by row, with the four-module quiet zone around them.</summary>
    public static bool[][] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, Correction);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }
}
