using System.Globalization;
using ContestSite.Core.Judging;
using ContestSite.Web.Hosting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ContestSite.Web.Certificates;

/// <summary>
/// Draws a certificate as one landscape A4 page in Chinese: the contest, "获奖证书", the team, its members, the entry,
/// the round and the award, the date of issue (China time), and the verification code with a QR code of the public
/// verification address. The QR code is drawn as vector squares, so it prints sharp at any size.
/// </summary>
public sealed class CertificatePdf(CertificateFont font, PublicUrls urls)
{
    private static readonly XColor Red = XColor.FromArgb(0x9B, 0x1C, 0x1C);
    private static readonly XColor Gold = XColor.FromArgb(0xB8, 0x86, 0x0B);
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    private const double Width = 842, Height = 595; // A4 landscape, in points

    public string VerificationUrl(string code) => urls.Page("/Certificates/Verify", new { code });

    public byte[] Render(Certificate certificate)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"获奖证书 {certificate.Code}";
        document.Info.Subject = $"{certificate.ContestName} {certificate.RoundName} {certificate.AwardName}";
        document.Info.Creator = certificate.ContestName;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Frame(graphics);
            Body(graphics, certificate);
            Verification(graphics, certificate);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Frame(XGraphics graphics)
    {
        graphics.DrawRectangle(new XPen(Red, 6), 24, 24, Width - 48, Height - 48);
        graphics.DrawRectangle(new XPen(Gold, 1.5), 36, 36, Width - 72, Height - 72);
    }

    private void Body(XGraphics graphics, Certificate certificate)
    {
        var ink = new XSolidBrush(Ink);
        var center = XStringFormats.TopCenter;
        graphics.DrawString(certificate.ContestName, Font(18), ink, new XRect(60, 62, Width - 120, 30), center);
        graphics.DrawString("获奖证书", Font(40), new XSolidBrush(Red), new XRect(60, 100, Width - 120, 56), center);

        double top = 180;
        var label = Font(15);
        foreach (var (name, value) in new[]
                 {
                     ("团队", certificate.TeamName), ("成员", certificate.MemberNames), ("作品", $"《{certificate.EntryTitle}》"), ("轮次", certificate.RoundName),
                 })
        {
            graphics.DrawString(name + "：", label, new XSolidBrush(Gold), new XRect(150, top, 80, 24), XStringFormats.TopLeft);
            foreach (var line in Wrap(graphics, value, label, Width - 150 - 150 - 60))
            {
                graphics.DrawString(line, label, ink, new XRect(210, top, Width - 360, 24), XStringFormats.TopLeft);
                top += 24;
            }
            top += 6;
        }
        graphics.DrawString("荣获", Font(18), ink, new XRect(60, top + 8, Width - 120, 28), center);
        graphics.DrawString(certificate.AwardName, Font(34), new XSolidBrush(Red), new XRect(60, top + 38, Width - 120, 48), center);

        var issued = ContestTime.ToChina(certificate.IssuedAt).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        graphics.DrawString(certificate.ContestName + "组委会", Font(14), ink, new XRect(Width - 420, Height - 120, 360, 22), XStringFormats.TopRight);
        graphics.DrawString(issued, Font(14), ink, new XRect(Width - 420, Height - 96, 360, 22), XStringFormats.TopRight);
    }

    private void Verification(XGraphics graphics, Certificate certificate)
    {
        var url = VerificationUrl(certificate.Code);
        const double size = 84, left = 60, top = Height - 60 - size;
        var modules = QrCodes.Modules(url);
        var module = size / modules.Length;
        var dark = new XSolidBrush(XColors.Black);
        for (var row = 0; row < modules.Length; row++)
            for (var column = 0; column < modules[row].Length; column++)
                if (modules[row][column]) graphics.DrawRectangle(dark, left + column * module, top + row * module, module, module);
        var small = Font(10);
        var ink = new XSolidBrush(Ink);
        graphics.DrawString($"验证码：{CertificateCodes.Grouped(certificate.Code)}", Font(12), ink, new XPoint(left + size + 10, top + 30));
        graphics.DrawString("扫描二维码或访问以下地址验证本证书：", small, ink, new XPoint(left + size + 10, top + 50));
        graphics.DrawString(url, small, ink, new XPoint(left + size + 10, top + 66));
    }

    private XFont Font(double size) => new(font.Family, size);

    /// <summary>Chinese has no spaces to break at: lines break between any two characters, within the width.</summary>
    private static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var line = "";
        foreach (var element in StringInfoElements(text))
        {
            if (line.Length > 0 && graphics.MeasureString(line + element, font).Width > width)
            {
                yield return line;
                line = "";
            }
            line += element;
        }
        if (line.Length > 0 || text.Length == 0) yield return line;
    }

    /// <summary>Whole characters (a surrogate pair or a combining sequence is never split).</summary>
    private static IEnumerable<string> StringInfoElements(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) yield return elements.GetTextElement();
    }
}
