using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 地址: cut after the district or county (浙江省杭州市西湖区文三路90号 → 浙江省杭州市西湖区); without one,
/// keep the province and city. Each level is looked for in a short window that stops at street-level
/// words, so a 区 in a street name (工业园区5号) is never taken for the district: when unsure, keep less.
/// An address with no recognisable province or city becomes *** whole.
/// </summary>
public sealed class AddressMasker : IValueMasker, IUtf8ValueMasker
{
    private const string Unrecognised = "***";
    private const int ProvinceWindow = 12;
    private const int CityWindow = 12;
    private const int DistrictWindow = 15;

    // The rule reads no further than the three windows and a three-char word after them, whatever the address's length.
    private const int CharsRead = ProvinceWindow + CityWindow + DistrictWindow + 8;

    // 县级市 (义乌市) also stops the district search: the brief keeps province + city for those.
    private static readonly SearchValues<char> StreetLevel = SearchValues.Create("路街道镇乡村号巷弄楼栋幢室0123456789");

    public int MaxMaskedLength(int valueLength) => Math.Max(valueLength, Unrecognised.Length);

    public int Mask(ReadOnlySpan<char> value, Span<char> destination)
    {
        var address = value.Trim();
        if (address.IsEmpty) return 0;
        var keep = KeptLength(address);
        var kept = keep > 0 ? address[..keep] : Unrecognised;
        kept.CopyTo(destination);
        return kept.Length;
    }

    /// <summary>
    /// The kept part is a prefix of the address, so from bytes only the head is decoded to find where it ends,
    /// and that many bytes are copied: the rest of the cell is never transcoded. Declines white space at either
    /// end (trimming is the text path's job).
    /// </summary>
    bool IUtf8ValueMasker.TryMaskUtf8(ReadOnlySpan<byte> value, Span<byte> destination, out int written)
    {
        written = 0;
        if (value.IsEmpty || IsWhiteSpaceAt(value, first: true) || IsWhiteSpaceAt(value, first: false)) return false;
        Span<char> head = stackalloc char[CharsRead];
        var status = Utf8.ToUtf16(value, head, out var read, out var chars);
        if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall)) return false;
        var keep = KeptLength(head[..chars]);
        var kept = keep > 0 ? value[..Encoding.UTF8.GetByteCount(head[..keep])] : "***"u8;
        kept.CopyTo(destination);
        written = kept.Length;
        return true;
    }

    private static bool IsWhiteSpaceAt(ReadOnlySpan<byte> value, bool first)
    {
        var status = first ? Rune.DecodeFromUtf8(value, out var rune, out _) : Rune.DecodeLastFromUtf8(value, out rune, out _);
        return status != OperationStatus.Done || Rune.IsWhiteSpace(rune);
    }

    private static int KeptLength(ReadOnlySpan<char> address)
    {
        var provinceEnd = EndOfProvince(address);
        var cityEnd = EndOfCity(address, provinceEnd);
        var districtEnd = EndOfDistrict(address, cityEnd > 0 ? cityEnd : provinceEnd);
        return districtEnd > 0 ? districtEnd : cityEnd > 0 ? cityEnd : provinceEnd;
    }

    private static int EndOfProvince(ReadOnlySpan<char> address)
    {
        var head = address[..Math.Min(address.Length, ProvinceWindow)];
        foreach (var suffix in (ReadOnlySpan<string>)["特别行政区", "自治区", "省"])
        {
            var at = head.IndexOf(suffix);
            // 杭州市省府路: a 省 after a city is a street name, not a province.
            if (at > 0 && head[..at].IndexOfAny("市区县") < 0) return at + suffix.Length;
        }
        return 0;
    }

    private static int EndOfCity(ReadOnlySpan<char> address, int from)
    {
        var end = Math.Min(address.Length, from + CityWindow);
        for (var i = from + 1; i < end; i++)
        {
            // The first char is compared before the word: this runs for every char of millions of addresses.
            if (address[i] == '自' && address[i..].StartsWith("自治州")) return i + 3;
            if (address[i] == '地' && address[i..].StartsWith("地区")) return i + 2;
            if (address[i] is '市' or '盟') return i + 1;
            if (address[i] is '区' or '县' || StreetLevel.Contains(address[i])) return 0;
        }
        return 0;
    }

    private static int EndOfDistrict(ReadOnlySpan<char> address, int from)
    {
        var end = Math.Min(address.Length, from + DistrictWindow);
        for (var i = from; i < end; i++)
        {
            if (address[i] == '市' && address[i..].StartsWith("市辖区")) return i + 3;
            if (i > from && address[i] is '区' or '县') return i + 1;
            if (address[i] == '市' || StreetLevel.Contains(address[i])) return 0;
        }
        return 0;
    }
}
