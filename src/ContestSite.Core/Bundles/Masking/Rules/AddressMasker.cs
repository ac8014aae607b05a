using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// 地址: cut after the district or county (浙江省杭州市西湖区文三路90号 → 浙江省杭州市西湖区); without one,
/// keep the province and city. Each level is looked for in a short window that stops at street-level
/// words, so a 区 in a street name (工业园区5号) is never taken for the district: when unsure, keep less.
/// An address with no recognisable province or city becomes *** whole.
/// </summary>
public sealed partial class AddressMasker : IValueMasker, IUtf8ValueMasker
{
    private const string Unrecognised = "***";
    private const int ProvinceWindow = 12;
    private const int CityWindow = 12;
    private const int DistrictWindow = 15;

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
            var at = IndexOfWord(head, suffix);
            // 杭州市省府路: a 省 after a city is a street name, not a province.
            if (at > 0 && head[..at].IndexOfAny("市区县") < 0) return at + suffix.Length;
        }
        return 0;
    }

    // A plain loop: over a dozen chars it is several times cheaper than the general string search.
    private static int IndexOfWord(ReadOnlySpan<char> text, string word)
    {
        for (var i = 0; i + word.Length <= text.Length; i++)
            if (text[i] == word[0] && text[i..].StartsWith(word)) return i;
        return -1;
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
