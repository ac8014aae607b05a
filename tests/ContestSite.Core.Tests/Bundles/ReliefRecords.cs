using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>
/// A dataset of relief recipients (救助对象) as the tests mask it: its field list, the organizer's rules,
/// and generated rows, written as CSV with every column the real files have plus one the list omits.
/// </summary>
internal static class ReliefRecords
{
    public static readonly byte[] ContestKey = Encoding.UTF8.GetBytes("zj-open-data-contest-2020-secret");

    public static readonly string[] Header = ["编号", "姓名", "身份证号", "手机号", "家庭住址", "电子邮箱", "银行卡号", "户籍号", "联系人", "救助类别", "金额", "内部备注", "数据来源"];

    public static List<DatasetField> Fields() =>
    [
        Field("编号"), Field("姓名", true), Field("身份证号", true), Field("手机号", true), Field("家庭住址", true),
        Field("电子邮箱", true), Field("银行卡号", true), Field("户籍号", true), Field("联系人", true),
        Field("救助类别"), Field("金额"), Field("内部备注"),
    ];

    /// <summary>Every sensitive field has a rule except 联系人, which must therefore be dropped.</summary>
    public static List<MaskingRuleChoice> Rules() =>
    [
        new("姓名", "PersonName"), new("身份证号", "IdCardNumber"), new("手机号", "MobilePhone"),
        new("家庭住址", "Address"), new("电子邮箱", "Email"), new("银行卡号", "KeepFirstLast", 4, 4),
        new("户籍号", "KeyedHash"), new("内部备注", "Drop"),
    ];

    public static MaskingPlan Plan(byte[]? key = null) =>
        MaskingPlan.Build(Fields(), Rules(), key ?? ContestKey).Plan ?? throw new InvalidOperationException("the test plan is invalid");

    public static List<ReliefRow> Generate(int count, int seed = 20201130)
    {
        var people = new FakePeople(seed);
        return Enumerable.Range(1, count).Select(i =>
        {
            var (address, district) = people.Address();
            var id = i % 10 == 0 ? people.OldIdNumber() : people.IdNumber();
            return new ReliefRow($"R{i:D6}", people.Name(), id, people.Mobile(), address, district, people.Email(),
                "6222" + people.Mobile()[3..] + "0571", people.IdNumber(), people.Name(), people.Category(), people.Amount(), "核查中", "民政厅");
        }).ToList();
    }

    public static string Csv(IEnumerable<ReliefRow> rows)
    {
        var csv = new StringBuilder(string.Join(',', Header)).Append("\r\n");
        foreach (var row in rows) csv.Append(string.Join(',', row.Cells())).Append("\r\n");
        return csv.ToString();
    }

    private static DatasetField Field(string name, bool sensitive = false) => new() { Name = name, IsSensitive = sensitive };
}

internal sealed record ReliefRow(string Number, string Name, string IdNumber, string Mobile, string Address, string AddressUpToDistrict,
    string Email, string BankCard, string HouseholdId, string Contact, string Category, string Amount, string InternalNote, string Source)
{
    public string[] Cells() => [Number, Name, IdNumber, Mobile, Address, Email, BankCard, HouseholdId, Contact, Category, Amount, InternalNote, Source];

    public string[] SensitiveValues() => [Name, IdNumber, Mobile, Address, Email, BankCard, HouseholdId, Contact];
}
