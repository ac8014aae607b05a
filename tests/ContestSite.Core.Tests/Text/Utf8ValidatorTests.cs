using System.Text;
using System.Text.Unicode;
using ContestSite.Core.Text;

namespace ContestSite.Core.Tests.Text;

/// <summary>
/// The vectorised check must answer exactly as the runtime's <see cref="Utf8.IsValid"/> for every input:
/// each kind of malformed sequence, at every position relative to the 32-byte blocks, and many random inputs.
/// </summary>
public sealed class Utf8ValidatorTests
{
    private static readonly byte[][] BadSequences =
    [
        [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE4, 0xB8], [0xE4, 0x41, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xFF], [0xFE], [0xF0, 0x9F, 0x98], [0xE4, 0xB8, 0xAD, 0x80], [0xC2, 0xA9, 0xA9],
    ];

    private static readonly string[] GoodTexts =
        ["", "a", "浙江省杭州市西湖区文三路90号", "©é", "𠀀𝄞😀", "\u007F\u0080\u07FF\u0800\uFFFF", "\U00010000\U0010FFFF", "\uD7FF\uE000"];

    [Fact]
    public void Valid_text_of_every_script_is_valid()
    {
        foreach (var text in GoodTexts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.True(Utf8Validator.IsValid(bytes), text);
        }
    }

    [Fact]
    public void Every_malformed_sequence_is_found_at_every_offset_across_block_boundaries()
    {
        foreach (var bad in BadSequences)
        {
            for (var offset = 0; offset < 70; offset++)
            {
                foreach (var filler in new[] { "a", "中" })
                {
                    var before = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(filler, 70)))[..offset];
                    // Cut the filler only between whole chars, so the only error is the bad sequence.
                    if (!Utf8.IsValid(before)) continue;
                    foreach (var after in new[] { ""u8.ToArray(), "bc"u8.ToArray(), Encoding.UTF8.GetBytes(new string('文', 20)) })
                    {
                        byte[] input = [.. before, .. bad, .. after];
                        Assert.False(Utf8Validator.IsValid(input), $"{Convert.ToHexString(bad)} at {offset} before {after.Length} bytes");
                        Assert.False(Utf8.IsValid(input));
                    }
                }
            }
        }
    }

    [Fact]
    public void Random_inputs_get_the_same_answer_as_the_runtime()
    {
        var random = new Random(20201128);
        var disagreements = new List<string>();
        var invalid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = RandomInput(random);
            var expected = Utf8.IsValid(input);
            if (!expected) invalid++;
            if (Utf8Validator.IsValid(input) != expected) disagreements.Add(Convert.ToHexString(input));
        }
        Assert.Empty(disagreements);
        // Both kinds are well represented, so the comparison means something.
        Assert.InRange(invalid, 5_000, 15_000);
    }

    /// <summary>Valid text of mixed scripts, then often one byte changed, removed or inserted, or a cut at a random point.</summary>
    private static byte[] RandomInput(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 90);
        for (var c = 0; c < length; c++)
        {
            text.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x80, 0x800),
                2 => (char)random.Next(0x4E00, 0x9FFF),
                3 => char.ConvertFromUtf32(random.Next(0x10000, 0x110000)),
                _ => (char)random.Next(0xE000, 0x10000),
            });
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        switch (random.Next(6))
        {
            case 0 when bytes.Count > 0:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 1 when bytes.Count > 0:
                bytes.RemoveAt(random.Next(bytes.Count));
                break;
            case 2:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(0x80, 256));
                break;
            case 3 when bytes.Count > 0:
                bytes.RemoveRange(random.Next(bytes.Count), 1);
                bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                break;
        }
        return [.. bytes];
    }
}
