using System.Buffers;
using System.Collections.Frozen;

namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>复姓: two-character surnames of the 百家姓, which a name mask keeps whole (欧阳**, not 欧***).</summary>
internal static class CompoundSurnames
{
    private static readonly FrozenSet<string> All = FrozenSet.Create(StringComparer.Ordinal,
        "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛",
        "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容",
        "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇", "巫马",
        "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐",
        "段干", "百里", "呼延", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "西门", "第五", "东里");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        All.GetAlternateLookup<ReadOnlySpan<char>>();

    // Their first chars: most names start with none of them, and one set test is far cheaper than hashing two chars.
    private static readonly SearchValues<char> FirstChars = SearchValues.Create(string.Concat(All.Select(surname => surname[0]).Distinct()));

    public static bool StartsWithOne(ReadOnlySpan<char> name) => name.Length >= 2 && FirstChars.Contains(name[0]) && BySpan.Contains(name[..2]);
}
