using ContestSite.Core.Text;

namespace ContestSite.Core.Tests.Text;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("0571870573", "057***0573")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Phone_numbers_keep_only_the_first_three_and_last_four_digits(string? phone, string masked) =>
        Assert.Equal(masked, PersonalData.MaskPhone(phone));

    [Theory]
    [InlineData("alice@example.com", "a***@example.com")]
    [InlineData("no-at-sign", "**********")]
    public void Email_addresses_keep_the_first_letter_and_the_domain(string email, string masked) =>
        Assert.Equal(masked, PersonalData.MaskEmail(email));
}
