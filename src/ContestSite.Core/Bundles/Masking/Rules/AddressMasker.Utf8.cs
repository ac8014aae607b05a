using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// The same rule read straight from UTF-8, for the CSV hot path: positions are byte offsets, windows still
/// count chars, and every marker is a three-byte char compared as one number, so nothing is decoded. The kept
/// part is a prefix of the cell, copied as it is. Declines what it cannot treat exactly as the text path does:
/// white space at either end (the text path trims it) and chars outside the basic plane (two UTF-16 chars
/// each, which the windows count twice).
/// </summary>
public sealed partial class AddressMasker
{
    // UTF-8 bytes of the marker chars, as (b0 << 16) | (b1 << 8) | b2.
    private const int Sheng = 0xE7_9C_81;   // 省
    private const int Qu = 0xE5_8C_BA;      // 区
    private const int Xian = 0xE5_8E_BF;    // 县
    private const int Shi = 0xE5_B8_82;     // 市
    private const int Meng = 0xE7_9B_9F;    // 盟
    private const int Zi = 0xE8_87_AA;      // 自
    private const int Di = 0xE5_9C_B0;      // 地
    private const int Te = 0xE7_89_B9;      // 特

    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (value.IsEmpty || value.IndexOfAnyInRange((byte)0xF0, (byte)0xFF) >= 0 || StartsOrEndsWithWhiteSpace(value)) return false;
        var provinceEnd = EndOfProvince(value);
        var cityEnd = EndOfCity(value, provinceEnd);
        var districtEnd = EndOfDistrict(value, cityEnd > 0 ? cityEnd : provinceEnd);
        var keep = districtEnd > 0 ? districtEnd : cityEnd > 0 ? cityEnd : provinceEnd;
        var kept = keep > 0 ? value[..keep] : "***"u8;
        Utf8ValueMasking.CopyShort(kept, destination);
        written = kept.Length;
        return true;
    }

    private static int EndOfProvince(ReadOnlySpan<byte> address)
    {
        int special = -1, autonomous = -1, province = -1;
        // A word after the first 市, 区 or 县 never counts (杭州市省府路: that 省 is a street name), so the scan stops there.
        for (var (at, chars) = (0, 0); at < address.Length && chars < ProvinceWindow; at = Next(address, at), chars++)
        {
            var code = Code(address, at);
            if (code is Shi or Qu or Xian) break;
            if (code == Sheng && province < 0) province = at;
            // A word counts only when it ends inside the window, as when searching the first twelve chars.
            else if (code == Zi && autonomous < 0 && chars + 3 <= ProvinceWindow && address[at..].StartsWith("自治区"u8)) autonomous = at;
            else if (code == Te && special < 0 && chars + 5 <= ProvinceWindow && address[at..].StartsWith("特别行政区"u8)) special = at;
        }
        if (special > 0) return special + "特别行政区"u8.Length;
        if (autonomous > 0) return autonomous + "自治区"u8.Length;
        return province > 0 ? province + "省"u8.Length : 0;
    }

    private static int EndOfCity(ReadOnlySpan<byte> address, int from)
    {
        if (from >= address.Length) return 0;
        for (var (at, chars) = (Next(address, from), 1); at < address.Length && chars < CityWindow; at = Next(address, at), chars++)
        {
            var code = Code(address, at);
            if (code == Zi && address[at..].StartsWith("自治州"u8)) return at + "自治州"u8.Length;
            if (code == Di && address[at..].StartsWith("地区"u8)) return at + "地区"u8.Length;
            if (code is Shi or Meng) return at + 3;
            if (code is Qu or Xian || IsStreetLevel(code)) return 0;
        }
        return 0;
    }

    private static int EndOfDistrict(ReadOnlySpan<byte> address, int from)
    {
        for (var (at, chars) = (from, 0); at < address.Length && chars < DistrictWindow; at = Next(address, at), chars++)
        {
            var code = Code(address, at);
            if (code == Shi && address[at..].StartsWith("市辖区"u8)) return at + "市辖区"u8.Length;
            if (chars > 0 && code is Qu or Xian) return at + 3;
            if (code == Shi || IsStreetLevel(code)) return 0;
        }
        return 0;
    }

    private static int Next(ReadOnlySpan<byte> utf8, int at) => at + (utf8[at] < 0x80 ? 1 : utf8[at] < 0xE0 ? 2 : 3);

    /// <summary>The char at a char boundary as its UTF-8 bytes in one number (an ASCII char is its byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Code(ReadOnlySpan<byte> utf8, int at) => utf8[at] switch
    {
        < 0x80 => utf8[at],
        < 0xE0 => (utf8[at] << 8) | utf8[at + 1],
        _ => (utf8[at] << 16) | (utf8[at + 1] << 8) | utf8[at + 2],
    };

    // The low six bits of the last byte of each street-level char, one bit each: most other chars fail this one test.
    private const ulong StreetLevelLastBits = 0x10808016008A0890UL;

    // 路街道镇乡村号巷弄楼栋幢室 and the ASCII digits: the StreetLevel set of the text path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsStreetLevel(int code) => code < 0x80
        ? code is >= '0' and <= '9'
        : (StreetLevelLastBits >> (code & 0x3F) & 1) != 0 && code is 0xE8_B7_AF or 0xE8_A1_97 or 0xE9_81_93 or 0xE9_95_87 or 0xE4_B9_A1
            or 0xE6_9D_91 or 0xE5_8F_B7 or 0xE5_B7_B7 or 0xE5_BC_84 or 0xE6_A5_BC or 0xE6_A0_8B or 0xE5_B9_A2 or 0xE5_AE_A4;

    /// <summary>Only a char whose lead byte could start white space is decoded to check.</summary>
    private static bool StartsOrEndsWithWhiteSpace(ReadOnlySpan<byte> value)
    {
        var last = value.Length - 1;
        while (last > 0 && value[last] is >= 0x80 and < 0xC0) last--;
        return MayBeWhiteSpace(value[0]) && IsWhiteSpace(value) || MayBeWhiteSpace(value[last]) && IsWhiteSpace(value[last..]);
    }

    // White space is ASCII up to the space, or U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000: leads C2, E1, E2, E3.
    private static bool MayBeWhiteSpace(byte lead) => lead <= 0x20 || lead is 0xC2 or 0xE1 or 0xE2 or 0xE3;

    private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8) =>
        Rune.DecodeFromUtf8(utf8, out var rune, out _) != OperationStatus.Done || Rune.IsWhiteSpace(rune);
}
