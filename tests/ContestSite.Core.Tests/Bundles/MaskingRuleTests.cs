using System.Text;
using ContestSite.Core.Bundles.Masking.Rules;

namespace ContestSite.Core.Tests.Bundles;

public sealed class MaskingRuleTests
{
    [Theory]
    [InlineData("330106199001011234", "330***********1234")]
    [InlineData("33010619900101123X", "330***********123X")]
    [InlineData(" 330106199001011234 ", "330***********1234")]
    [InlineData("330106900101123", "330********1123")]
    public void Id_numbers_of_18_or_15_digits_keep_the_first_three_and_last_four(string id, string masked) =>
        Assert.Equal(masked, new IdCardNumberMasker().Mask(id));

    [Fact]
    public void Generated_id_numbers_have_valid_check_chars_and_are_masked()
    {
        var people = new FakePeople(7);
        Assert.All(Enumerable.Range(0, 200).Select(_ => people.IdNumber()), id =>
        {
            Assert.Equal(FakePeople.CheckChar(id), id[17]);
            Assert.Equal(id[..3] + "***********" + id[^4..], new IdCardNumberMasker().Mask(id));
        });
    }

    [Theory]
    [InlineData("无", "*")]
    [InlineData("33010619900101", "**************")]
    [InlineData("3301061990010112345", "*******************")]
    [InlineData("33010619900101123Y", "******************")]
    [InlineData("", "")]
    public void Text_in_an_id_column_that_is_not_an_id_number_is_starred_whole(string value, string masked) =>
        Assert.Equal(masked, new IdCardNumberMasker().Mask(value));

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("司马", "司*")]
    [InlineData("张", "*")]
    [InlineData("迪丽热巴·迪力木拉提", "迪*********")]
    public void Chinese_names_keep_the_surname_and_star_every_other_char(string name, string masked) =>
        Assert.Equal(masked, new PersonNameMasker().Mask(name));

    [Theory]
    [InlineData("John Smith", "J***")]
    [InlineData("al", "a***")]
    public void Non_chinese_names_keep_the_first_letter_and_a_fixed_three_stars(string name, string masked) =>
        Assert.Equal(masked, new PersonNameMasker().Mask(name));

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路90号", "浙江省杭州市西湖区")]
    [InlineData("浙江省湖州市安吉县递铺街道胜利西路2号", "浙江省湖州市安吉县")]
    [InlineData("杭州市滨江区网商路699号", "杭州市滨江区")]
    [InlineData("上海市浦东新区世纪大道100号", "上海市浦东新区")]
    [InlineData("新疆维吾尔自治区乌鲁木齐市天山区解放北路", "新疆维吾尔自治区乌鲁木齐市天山区")]
    [InlineData("浙江省杭州市市辖区某路1号", "浙江省杭州市市辖区")]
    [InlineData("浙江省杭州西湖区文三路90号", "浙江省杭州西湖区")]
    public void Addresses_are_cut_after_the_district_or_county(string address, string masked) =>
        Assert.Equal(masked, new AddressMasker().Mask(address));

    [Theory]
    [InlineData("浙江省金华市义乌市稠城街道工业园区5号", "浙江省金华市")]
    [InlineData("浙江省杭州市文三路工业园区90号", "浙江省杭州市")]
    [InlineData("新疆维吾尔自治区阿克苏地区阿克苏市解放路", "新疆维吾尔自治区阿克苏地区")]
    [InlineData("杭州市省府路8号", "杭州市")]
    public void Addresses_without_a_district_keep_the_province_and_city_and_never_a_street(string address, string masked) =>
        Assert.Equal(masked, new AddressMasker().Mask(address));

    [Theory]
    [InlineData("文三路90号")]
    [InlineData("Room 5, 90 Wensan Road")]
    public void Addresses_with_no_recognisable_province_or_city_become_three_stars(string address) =>
        Assert.Equal("***", new AddressMasker().Mask(address));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("1381234", "*******")]
    public void Mobile_numbers_keep_three_and_four_digits_and_a_seven_char_value_is_starred_whole(string phone, string masked) =>
        Assert.Equal(masked, new MobilePhoneMasker().Mask(phone));

    [Fact]
    public void Email_addresses_keep_the_first_letter_and_the_domain() =>
        Assert.Equal("z***@mail.example.cn", new EmailMasker().Mask("zhangwei88@mail.example.cn"));

    [Theory]
    [InlineData(4, 4, "6222021234567890", "6222********7890")]
    [InlineData(0, 2, "ABCDE", "***DE")]
    [InlineData(3, 3, "ABCDEF", "******")]
    [InlineData(1, 1, "a😀b", "a**b")]
    public void Keep_first_last_stars_the_middle_and_a_value_too_short_to_hide_anything_is_starred_whole(int first, int last, string value, string masked) =>
        Assert.Equal(masked, new KeepFirstLastMasker(first, last).Mask(value));

    [Fact]
    public void Keyed_hash_gives_the_same_16_hex_chars_for_the_same_value_and_key()
    {
        var masker = new KeyedHashMasker(Encoding.UTF8.GetBytes("key-of-contest-2020-zhejiang"));

        var token = masker.Mask("330106199001011234");

        Assert.Matches("^[0-9a-f]{16}$", token);
        Assert.Equal(token, new KeyedHashMasker(Encoding.UTF8.GetBytes("key-of-contest-2020-zhejiang")).Mask("330106199001011234"));
        Assert.NotEqual(token, masker.Mask("330106199001011235"));
    }

    [Fact]
    public void Keyed_hash_under_another_key_gives_another_token()
    {
        var first = new KeyedHashMasker(Encoding.UTF8.GetBytes("key-of-contest-2020-zhejiang"));
        var second = new KeyedHashMasker(Encoding.UTF8.GetBytes("key-of-contest-2021-zhejiang"));

        Assert.NotEqual(first.Mask("13812345678"), second.Mask("13812345678"));
    }

    [Fact]
    public void Keyed_hash_refuses_a_short_key() =>
        Assert.Throws<ArgumentException>(() => new KeyedHashMasker(new byte[15]));
}
