using System.Text;

namespace ContestSite.Benchmarks.Masking;

/// <summary>
/// Writes a CSV of fake relief recipients of about the given size, streaming: ID numbers with valid check
/// chars, mobile numbers, Chinese names (some with compound surnames), addresses, e-mails and a few clear
/// columns. Its own small generator rather than the tests' one: it must write a gigabyte in seconds.
/// </summary>
internal static class SyntheticReliefCsv
{
    public const string Header = "编号,姓名,身份证号,手机号,家庭住址,电子邮箱,救助类别,金额";

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly string[] Regions = ["330106", "330102", "330205", "330304", "330782", "310115"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "欧阳", "诸葛", "司马"];
    private const string GivenNameChars = "伟芳娜敏丽强磊军洋勇艳杰娟涛超秀霞平刚英华玉萍红玲芬燕彩春菊兰洁梅琳";
    private static readonly string[] Districts = ["浙江省杭州市西湖区", "浙江省杭州市上城区", "浙江省宁波市鄞州区", "浙江省温州市鹿城区", "浙江省湖州市安吉县", "上海市浦东新区"];
    private static readonly string[] Streets = ["文三路", "学院路", "延安路", "解放路", "莫干山路", "天目山路"];
    private static readonly string[] Categories = ["低保", "特困供养", "临时救助", "医疗救助"];

    /// <summary>Writes rows until the file reaches <paramref name="bytes"/>; returns the number of rows.</summary>
    public static long Write(string path, long bytes)
    {
        var random = new Random(20201130);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write("\r\n");
        Span<char> row = stackalloc char[256];
        long rows = 0;
        while (file.Position < bytes)
        {
            for (var i = 0; i < 4096; i++)
            {
                writer.Write(row[..FormatRow(row, ++rows, random)]);
            }
        }
        return rows;
    }

    private static int FormatRow(Span<char> row, long number, Random random)
    {
        var n = 0;
        Append(row, ref n, "R");
        number.TryFormat(row[n..], out var w, "D9");
        n += w;
        Append(row, ref n, ",");
        Append(row, ref n, Surnames[random.Next(Surnames.Length)]);
        for (var i = random.Next(1, 3); i > 0; i--) row[n++] = GivenNameChars[random.Next(GivenNameChars.Length)];
        Append(row, ref n, ",");
        n += FormatIdNumber(row[n..], random);
        Append(row, ref n, ",1");
        row[n++] = (char)('3' + random.Next(7));
        random.Next(0, 1_000_000_000).TryFormat(row[n..], out w, "D9");
        n += w;
        Append(row, ref n, ",");
        Append(row, ref n, Districts[random.Next(Districts.Length)]);
        Append(row, ref n, Streets[random.Next(Streets.Length)]);
        random.Next(1, 999).TryFormat(row[n..], out w);
        n += w;
        Append(row, ref n, "号,zw");
        random.Next(0, 1_000_000).TryFormat(row[n..], out w);
        n += w;
        Append(row, ref n, "@example.com,");
        Append(row, ref n, Categories[random.Next(Categories.Length)]);
        Append(row, ref n, ",");
        (random.Next(10_000, 500_000) / 100m).TryFormat(row[n..], out w, "F2");
        n += w;
        Append(row, ref n, "\r\n");
        return n;
    }

    private static int FormatIdNumber(Span<char> id, Random random)
    {
        Regions[random.Next(Regions.Length)].CopyTo(id);
        new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 55)).TryFormat(id[6..], out _, "yyyyMMdd");
        random.Next(0, 1000).TryFormat(id[14..], out _, "D3");
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * IdWeights[i];
        id[17] = "10X98765432"[sum % 11];
        return 18;
    }

    private static void Append(Span<char> row, ref int n, string text)
    {
        text.CopyTo(row[n..]);
        n += text.Length;
    }
}
