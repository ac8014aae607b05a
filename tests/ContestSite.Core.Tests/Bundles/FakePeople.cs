using System.Globalization;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>
/// Realistic fake personal data, reproducible from a seed: resident ID numbers with correct check chars
/// (18-digit and old 15-digit), mobile numbers of the 13x–19x ranges, Chinese names with single and
/// compound surnames, addresses down to the house number, e-mail addresses.
/// </summary>
internal sealed class FakePeople(int seed)
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly string[] Regions = ["330106", "330102", "330205", "330304", "330782", "110105", "310115", "440305", "650102"];
    private static readonly int[] MobilePrefixes = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 170, 173, 175, 176, 177, 178, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 195, 198, 199];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    public static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "慕容", "东方", "皇甫", "令狐"];
    // No char here appears in the street names below, so a name can only show up in the output if it leaked.
    private const string GivenNameChars = "伟芳娜敏丽强磊军洋勇艳杰娟涛超秀霞平刚英华玉萍红玲芬燕彩春菊兰洁梅琳素云莲真雪荣爱香月媛瑞佳嘉琼珍莉琦晶妍茜秋珊锦青倩婷";
    private static readonly (string Province, string City, string[] Districts)[] Places =
    [
        ("浙江省", "杭州市", ["西湖区", "上城区", "拱墅区", "滨江区", "余杭区", "淳安县"]),
        ("浙江省", "宁波市", ["海曙区", "鄞州区", "北仑区", "象山县"]),
        ("浙江省", "温州市", ["鹿城区", "瓯海区", "永嘉县"]),
        ("浙江省", "湖州市", ["吴兴区", "德清县", "安吉县"]),
        ("", "上海市", ["浦东新区", "徐汇区", "静安区"]),
        ("新疆维吾尔自治区", "乌鲁木齐市", ["天山区", "沙依巴克区"]),
    ];
    private static readonly string[] Streets = ["文三路", "学院路", "延安路", "解放路", "莫干山路", "天目山路", "庆春路", "环城北路", "南京路"];
    private static readonly string[] MailDomains = ["example.com", "mail.example.cn", "zj.example.org"];
    private static readonly string[] Categories = ["低保", "特困供养", "临时救助", "医疗救助", "教育救助"];

    private readonly Random random = new(seed);

    public string IdNumber()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 55));
        var body = Pick(Regions) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        return body + CheckChar(body);
    }

    public string OldIdNumber()
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 50));
        return Pick(Regions) + birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>GB 11643: weighted sum of the 17 digits modulo 11 picks the check char, X standing for 10.</summary>
    public static char CheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * IdWeights[i];
        return "10X98765432"[sum % 11];
    }

    public string Mobile() => Pick(MobilePrefixes).ToString(CultureInfo.InvariantCulture) + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public string Name()
    {
        var surname = random.Next(5) == 0 ? Pick(CompoundSurnames) : Pick(Surnames);
        var given = new string(Enumerable.Range(0, random.Next(1, 3)).Select(_ => GivenNameChars[random.Next(GivenNameChars.Length)]).ToArray());
        return surname + given;
    }

    public (string Address, string UpToDistrict) Address()
    {
        var (province, city, districts) = Pick(Places);
        var upToDistrict = province + city + Pick(districts);
        return (upToDistrict + Pick(Streets) + random.Next(1, 999) + "号", upToDistrict);
    }

    public string Email()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var local = new string(Enumerable.Range(0, random.Next(4, 10)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
        return local + random.Next(10, 99) + "@" + Pick(MailDomains);
    }

    public string Category() => Pick(Categories);

    public string Amount() => (random.Next(10_000, 500_000) / 100m).ToString("F2", CultureInfo.InvariantCulture);

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
