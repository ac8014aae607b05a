using ContestSite.Web.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Certificates;

/// <summary>The font setting is checked at start: these are the checks, on the fonts test.sh installs.</summary>
public sealed class CertificateFontTests
{
    private static readonly string Default = new CertificateOptions().FontPath;

    [Fact]
    public void The_default_font_writes_Chinese_with_TrueType_outlines()
    {
        Assert.Null(CertificateFont.Problem(Default, 0));
    }

    [Fact]
    public void Noto_CJK_is_refused_because_PDFsharp_cannot_embed_its_PostScript_outlines()
    {
        var problem = CertificateFont.Problem("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2);

        Assert.Contains("CFF", problem);
    }

    [Fact]
    public void A_missing_file_a_face_outside_the_collection_and_a_file_that_is_no_font_are_refused()
    {
        var notFont = Path.GetTempFileName();
        File.WriteAllText(notFont, "not a font at all, just some text that is long enough");
        try
        {
            Assert.Contains("does not exist", CertificateFont.Problem("/nowhere/font.ttc", 0));
            Assert.Contains("faces 0 to 1", CertificateFont.Problem(Default, 7));
            Assert.NotNull(CertificateFont.Problem(notFont, 0));
            Assert.NotNull(CertificateFont.Problem("", 0));
        }
        finally
        {
            File.Delete(notFont);
        }
    }

    [Fact]
    public void A_wrong_font_setting_stops_the_site_with_the_settings_name()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContestSite:Certificates:FontPath"] = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            ["ContestSite:Certificates:FontIndex"] = "2",
        }).Build());
        services.AddCertificates();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CertificateOptions>>().Value);

        Assert.Contains("ContestSite__Certificates__FontPath", error.Message);
        Assert.Contains("no TrueType outlines", error.Message);
    }
}
