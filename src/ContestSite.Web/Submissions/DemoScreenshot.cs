using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ContestSite.Web.Submissions;

/// <summary>
/// A small picture of an application screen for the demo entries (a header bar, a side menu, cards and a bar chart in the
/// entry's colour), drawn at recipe time so that no binary file needs to be kept in the repository.
/// </summary>
public static class DemoScreenshot
{
    public static MemoryStream Png(string hexColour, int seed, int width = 960, int height = 600)
    {
        var accent = Rgba32.ParseHex(hexColour);
        var light = new Rgba32(246, 248, 250);
        var card = new Rgba32(255, 255, 255);
        var line = new Rgba32(216, 222, 228);
        var random = new Random(seed);
        var bars = Enumerable.Range(0, 8).Select(_ => random.Next(20, 100)).ToArray();
        using var image = new Image<Rgba32>(width, height, light);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++) row[x] = PixelAt(x, y);
            }
        });
        var stream = new MemoryStream();
        image.SaveAsPng(stream);
        stream.Position = 0;
        return stream;

        Rgba32 PixelAt(int x, int y)
        {
            if (y < 56) return accent;                                                     // header
            if (x < 180) return y % 48 < 2 ? line : new Rgba32(236, 240, 244);              // side menu
            var inCardRow = y is >= 80 and < 200;
            var cardIndex = (x - 204) / 250;
            if (inCardRow && x >= 204 && (x - 204) % 250 < 230 && cardIndex < 3)
                return y < 86 ? accent : card;                                              // three summary cards
            if (y >= 224 && y < height - 24 && x is >= 204 and < 940)
            {
                var chartX = x - 224;
                var bar = chartX / 88;
                var barHeight = bar is >= 0 and < 8 ? bars[bar] * (height - 300) / 100 : 0;
                if (chartX >= 0 && chartX % 88 < 56 && y >= height - 44 - barHeight && y < height - 44) return accent;
                return y == height - 44 ? line : card;                                      // chart panel
            }
            return light;
        }
    }
}
