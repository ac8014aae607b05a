using System.Buffers;
using System.Text;
using ContestSite.Core.Bundles.Masking.Rules;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>
/// The short-value helpers take a different path for each length band (under 4, 4-7, 8-15, 16-32, longer);
/// every length from 0 to 40 is checked against the plain definition, with the bad byte at every place.
/// </summary>
public sealed class Utf8ValueMaskingTests
{
    private const int MaxLength = 40;

    [Fact]
    public void Copy_short_copies_exactly_the_value_and_writes_nothing_after_it()
    {
        var random = new Random(11);
        for (var length = 0; length <= MaxLength; length++)
        {
            var source = new byte[length];
            random.NextBytes(source);
            var destination = Enumerable.Repeat((byte)0xEE, length + 8).ToArray();

            Utf8ValueMasking.CopyShort(source, destination);

            Assert.Equal(source, destination[..length]);
            Assert.All(destination[length..], b => Assert.Equal(0xEE, b));
        }
    }

    [Fact]
    public void Copy_short_refuses_a_destination_shorter_than_the_value()
    {
        var error = Assert.Throws<ArgumentException>(() => Utf8ValueMasking.CopyShort(new byte[12], new byte[11]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Fill_short_fills_exactly_the_span_given()
    {
        for (var length = 0; length <= MaxLength; length++)
        {
            var buffer = Enumerable.Repeat((byte)0xEE, length + 16).ToArray();

            Utf8ValueMasking.FillShort(buffer.AsSpan(4, length), (byte)'*');

            Assert.All(buffer[..4], b => Assert.Equal(0xEE, b));
            Assert.All(buffer[4..(4 + length)], b => Assert.Equal((byte)'*', b));
            Assert.All(buffer[(4 + length)..], b => Assert.Equal(0xEE, b));
        }
    }

    [Fact]
    public void Plain_ascii_is_printable_ascii_without_space_comma_or_quote_at_every_place_of_every_length()
    {
        var plain = SearchValues.Create(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Where(b => b is not ',' and not '"').Select(b => (byte)b).ToArray());
        byte[] bad = [(byte)' ', (byte)',', (byte)'"', 0x7F, 0x80, 0xE5, 0x00, (byte)'\t', 0x20 - 1];
        byte[] good = [(byte)'!', (byte)'~', (byte)'0', (byte)'@', (byte)'+', (byte)'#'];
        for (var length = 0; length <= MaxLength; length++)
        {
            var value = Enumerable.Range(0, length).Select(i => good[i % good.Length]).ToArray();
            Assert.True(Utf8ValueMasking.IsPlainAscii(value), $"length {length}");
            for (var at = 0; at < length; at++)
            {
                foreach (var b in bad)
                {
                    var spoiled = value.ToArray();
                    spoiled[at] = b;
                    Assert.Equal(!spoiled.AsSpan().ContainsAnyExcept(plain), Utf8ValueMasking.IsPlainAscii(spoiled));
                    Assert.False(Utf8ValueMasking.IsPlainAscii(spoiled), $"byte {b:X2} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Ascii_digits_are_0_to_9_only_at_every_place_of_every_length()
    {
        byte[] bad = [(byte)'/', (byte)':', (byte)'X', (byte)' ', 0x00, 0xB0, 0xEF];
        for (var length = 0; length <= MaxLength; length++)
        {
            var digits = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, length).Select(i => (char)('0' + i % 10))));
            Assert.True(Utf8ValueMasking.AreAsciiDigits(digits), $"length {length}");
            for (var at = 0; at < length; at++)
            {
                foreach (var b in bad)
                {
                    var spoiled = digits.ToArray();
                    spoiled[at] = b;
                    Assert.False(Utf8ValueMasking.AreAsciiDigits(spoiled), $"byte {b:X2} at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Masking_the_middle_keeps_the_ends_and_stars_the_rest_for_every_length()
    {
        for (var length = 0; length <= MaxLength; length++)
        {
            var value = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26))));
            var destination = Enumerable.Repeat((byte)0xEE, length + 8).ToArray();
            var expected = new char[length];
            var expectedLength = Core.Text.PersonalData.MaskMiddle(Encoding.ASCII.GetString(value), 3, 4, expected);

            var written = Utf8ValueMasking.MaskMiddle(value, 3, 4, destination);

            Assert.Equal(expectedLength, written);
            Assert.Equal(new string(expected, 0, expectedLength), Encoding.ASCII.GetString(destination, 0, written));
            Assert.All(destination[written..], b => Assert.Equal(0xEE, b));
        }
    }
}
