namespace ContestSite.Core.Text;

/// <summary>How personal data is shown to people who may not see it whole.</summary>
public static class PersonalData
{
    /// <summary>138****1234: the first three and last four digits of a mobile number stay.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Trim();
        if (digits.Length < 7) return new string('*', digits.Length);
        return string.Concat(digits.AsSpan(0, 3), new string('*', digits.Length - 7), digits.AsSpan(digits.Length - 4));
    }

    /// <summary>a***@example.com: the first character of the local part stays, the domain stays.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) return new string('*', email.Length);
        return string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }
}
