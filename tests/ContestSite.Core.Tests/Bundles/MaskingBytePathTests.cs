using System.Text;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>
/// Plain cells are masked straight from their UTF-8 bytes; quoted cells always go through decoding, the
/// rule and encoding. Masking the same values both ways must give the same cells, for generated records
/// and for the values at the edges of each byte path (spaces to trim, other scripts, short values).
/// </summary>
public sealed class MaskingBytePathTests
{
    private static readonly string[] EdgeNames = ["张伟", "欧阳娜娜", "欧阳", "王", "司马相如", " 张伟", "张伟 ", "张伟\u3000", "\u3000张伟", "John Smith", "㐀明", "〇明", "张·伟", "Ａ伟", "李\t", "𠀀伟", ""];
    private static readonly string[] EdgeIds = ["330106199001011234", "33010619900101123X", "33010619900101123x", "330106900101123", "3301061990010112", "ABC", " 330106199001011234", "330106199001011234\t", "３３０１", ""];
    private static readonly string[] EdgePhones = ["13812345678", "+8613812345678", "1381234", "138-1234-5678", " 13812345678", "13812345678 ", "１３８１２３４５６７８", "12", ""];
    private static readonly string[] EdgeAddresses =
    [
        "浙江省杭州市西湖区文三路90号", " 浙江省杭州市西湖区文三路90号", "浙江省杭州市西湖区\u3000", "杭州市", "浙江省杭州市", "文三路90号", "Room 5 Wensan Road",
        "新疆维吾尔自治区阿克苏地区阿克苏市解放路", "浙江省杭州市市辖区某路1号", "𠀀浙江省杭州市西湖区", "浙江省" + new string('长', 60) + "区",
        "新疆维吾尔自治区伊犁哈萨克自治州伊宁市" + new string('路', 40), "浙江省杭州市西湖区" + new string('文', 300), "区", "",
    ];
    private static readonly string[] EdgeEmails = ["zw123@example.com", "a@b.cn", "@example.com", "no-at-sign", " x@example.com", "张@例子.中国", "x@example.com\t", ""];

    [Fact]
    public async Task Plain_cells_masked_from_bytes_equal_quoted_cells_masked_as_text()
    {
        var rows = ReliefRecords.Generate(2000, seed: 5).Select(r => r.Cells()).ToList();
        var count = new[] { EdgeNames.Length, EdgeIds.Length, EdgePhones.Length, EdgeAddresses.Length, EdgeEmails.Length }.Max();
        for (var i = 0; i < count; i++)
        {
            var cells = rows[i].ToArray();
            cells[1] = EdgeNames[i % EdgeNames.Length];
            cells[2] = EdgeIds[i % EdgeIds.Length];
            cells[3] = EdgePhones[i % EdgePhones.Length];
            cells[4] = EdgeAddresses[i % EdgeAddresses.Length];
            cells[5] = EdgeEmails[i % EdgeEmails.Length];
            cells[6] = EdgePhones[(i + 3) % EdgePhones.Length];
            rows.Add(cells);
        }

        var plain = await MaskedCsv.MaskAsync(Csv(rows, quoted: false));
        var quoted = await MaskedCsv.MaskAsync(Csv(rows, quoted: true));

        Assert.Equal(rows.Count, plain.Report.RowsOut);
        Assert.Equal(quoted.Rows(), plain.Rows());
        Assert.Contains(plain.Rows(), r => r["姓名"] == "欧阳**");
        Assert.Contains(plain.Rows(), r => r["身份证号"] == "330***********123X");
        Assert.Contains(plain.Rows(), r => r["家庭住址"] == "新疆维吾尔自治区伊犁哈萨克自治州");
    }

    /// <summary>Addresses built at random from the words the rule looks for, in orders real and not, and odd chars between.</summary>
    [Fact]
    public async Task Random_addresses_masked_from_bytes_equal_the_text_rule()
    {
        string[] pieces =
        [
            "浙江省", "省", "新疆维吾尔自治区", "自治区", "香港特别行政区", "特别行政区", "杭州市", "市", "义乌市", "阿克苏地区", "地区",
            "伊犁哈萨克自治州", "自治州", "锡林郭勒盟", "西湖区", "区", "安吉县", "县", "市辖区", "文三路", "街道", "镇", "村", "90号", "5",
            "工业园区", "省府路", "号", "巷", "弄", "楼", "栋", "幢", "室", "乡", "道", "街", "路", "长", "白", "a", "Room", "é", "·", "　", " ", "\t", "𠀀", "自治", "特别", "地",
        ];
        var random = new Random(20201129);
        var rows = ReliefRecords.Generate(3000, seed: 9).Select(r => r.Cells()).ToList();
        foreach (var cells in rows)
            cells[4] = string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => pieces[random.Next(pieces.Length)]));

        var plain = await MaskedCsv.MaskAsync(Csv(rows, quoted: false));
        var quoted = await MaskedCsv.MaskAsync(Csv(rows, quoted: true));

        Assert.Equal(rows.Count, plain.Report.RowsOut);
        Assert.Equal(quoted.Rows().Select(r => r["家庭住址"]), plain.Rows().Select(r => r["家庭住址"]));
        // The rule kept a district, a city alone and nothing at all in some of them.
        Assert.Contains(plain.Rows(), r => r["家庭住址"].EndsWith('区'));
        Assert.Contains(plain.Rows(), r => r["家庭住址"].EndsWith('市'));
        Assert.Contains(plain.Rows(), r => r["家庭住址"] == "***");
    }

    private static string Csv(IEnumerable<string[]> rows, bool quoted)
    {
        var csv = new StringBuilder(string.Join(',', ReliefRecords.Header)).Append("\r\n");
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(cell => quoted ? $"\"{cell}\"" : cell))).Append("\r\n");
        return csv.ToString();
    }
}
