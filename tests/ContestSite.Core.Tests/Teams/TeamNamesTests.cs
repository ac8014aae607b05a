using ContestSite.Core.Teams;
using ContestSite.Core.Text;

namespace ContestSite.Core.Tests.Teams;

public sealed class TeamNamesTests
{
    [Theory]
    [InlineData("ＡＢＣ队", "abc队")]
    [InlineData("Data  Pioneers", "data pioneers")]
    [InlineData("数据先锋１号", "数据先锋1号")]
    public void Names_that_differ_only_in_width_case_or_spacing_are_the_same_name(string typed, string other) =>
        Assert.Equal(TeamNames.Normalize(other), TeamNames.Normalize(typed));

    [Fact]
    public void Different_names_stay_different() => Assert.NotEqual(TeamNames.Normalize("数据先锋"), TeamNames.Normalize("数据后卫"));

    [Fact]
    public void Typed_invite_codes_are_cleaned_to_the_stored_form() => Assert.Equal("ABCD23EFGH", InviteCodes.Clean(" abcd-23efgh "));

    [Fact]
    public void Invite_codes_are_random_and_avoid_look_alike_characters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => InviteCodes.Generate()).ToList();
        Assert.Equal(200, codes.Distinct().Count());
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => "01OIL".Contains(ch)));
        Assert.All(codes, c => Assert.Equal(InviteCodes.Length, c.Length));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("数据先锋", "数据先锋")]
    public void Spreadsheet_cells_that_would_run_as_formulas_are_neutralised(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(value));

    [Fact]
    public void Csv_fields_with_commas_or_quotes_are_quoted() => Assert.Equal("\"a,\"\"b\"\"\"", SpreadsheetText.CsvField("a,\"b\""));

    [Fact]
    public void A_phone_number_is_whole_only_for_its_owner_and_organizers()
    {
        var member = new TeamMember { UserId = "u1", RealName = "张三", Phone = "13812341234", Organization = "浙大" };
        Assert.Equal("13812341234", MemberPrivacy.PhoneShownTo(member, "u1", viewerIsOrganizer: false));
        Assert.Equal("13812341234", MemberPrivacy.PhoneShownTo(member, null, viewerIsOrganizer: true));
        Assert.Equal("138****1234", MemberPrivacy.PhoneShownTo(member, "u2", viewerIsOrganizer: false));
    }
}
