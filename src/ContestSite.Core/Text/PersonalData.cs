namespace ContestSite.Core.Text;

/// <summary>How personal data is shown to people who may not see it whole.</summary>
public static class PersonalData
{
    /// <summary>138****1234: the first three and last four digits of a mobile number stay.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        Span<char> masked = phone.Length <= 256 ? stackalloc char[phone.Length] : new char[phone.Length];
        return new string(masked[..MaskPhone(phone, masked)]);
    }

    /// <summary>The span form of <see cref="MaskPhone(string?)"/>, for the bundle masking hot path; returns the chars written.</summary>
    public static int MaskPhone(ReadOnlySpan<char> phone, Span<char> destination) =>
        MaskMiddle(phone.Trim(), 3, 4, destination);

    /// <summary>a***@example.com: the first character of the local part stays, the domain stays.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        var masked = new char[email.Length + 3];
        return new string(masked, 0, MaskEmail(email, masked));
    }

    /// <summary>The span form of <see cref="MaskEmail(string?)"/>; the destination needs the value's length + 3.</summary>
    public static int MaskEmail(ReadOnlySpan<char> email, Span<char> destination)
    {
        var at = email.IndexOf('@');
        if (at <= 0)
        {
            destination[..email.Length].Fill('*');
            return email.Length;
        }
        destination[0] = email[0];
        "***".CopyTo(destination[1..]);
        email[at..].CopyTo(destination[4..]);
        return 4 + email.Length - at;
    }

    /// <summary>
    /// Keeps the first and last characters and stars every one between. A value too short to hide
    /// anything is starred whole, and a surrogate pair is never cut in two (the kept part shrinks).
    /// </summary>
    public static int MaskMiddle(ReadOnlySpan<char> value, int keepFirst, int keepLast, Span<char> destination)
    {
        var length = value.Length;
        if (length <= keepFirst + keepLast)
        {
            destination[..length].Fill('*');
            return length;
        }
        if (keepFirst > 0 && char.IsHighSurrogate(value[keepFirst - 1])) keepFirst--;
        if (keepLast > 0 && char.IsLowSurrogate(value[length - keepLast])) keepLast--;
        value[..keepFirst].CopyTo(destination);
        destination[keepFirst..(length - keepLast)].Fill('*');
        value[(length - keepLast)..].CopyTo(destination[(length - keepLast)..]);
        return length;
    }
}
