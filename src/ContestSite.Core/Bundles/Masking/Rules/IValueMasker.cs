namespace ContestSite.Core.Bundles.Masking.Rules;

/// <summary>
/// One masking rule applied to one cell value. Spans in and out, so the CSV hot path masks
/// millions of cells without allocating; <see cref="ValueMaskerExtensions.Mask"/> is the string form.
/// </summary>
public interface IValueMasker
{
    /// <summary>The longest result for a value of this many chars, so callers size buffers up front.</summary>
    int MaxMaskedLength(int valueLength);

    /// <summary>Writes the masked value to <paramref name="destination"/> and returns the chars written.</summary>
    int Mask(ReadOnlySpan<char> value, Span<char> destination);
}

public static class ValueMaskerExtensions
{
    public static string Mask(this IValueMasker masker, string value)
    {
        var destination = new char[masker.MaxMaskedLength(value.Length)];
        return new string(destination, 0, masker.Mask(value, destination));
    }
}
