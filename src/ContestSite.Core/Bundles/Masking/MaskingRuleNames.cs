using ContestSite.Core.Bundles.Masking.Rules;

namespace ContestSite.Core.Bundles.Masking;

/// <summary>Rule names as organizers store them, and the rules that need no parameter.</summary>
internal static class MaskingRuleNames
{
    public const int MaxKeptChars = 64;

    public static string AllNames { get; } = string.Join("、", Enum.GetNames<MaskingRuleKind>());

    // Enum.TryParse alone would also accept "3" or "Keep, Drop"; only a rule's own name is a rule.
    public static bool TryParse(string? name, out MaskingRuleKind kind)
    {
        kind = default;
        var trimmed = name?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && Enum.GetNames<MaskingRuleKind>().Contains(trimmed, StringComparer.OrdinalIgnoreCase)
            && Enum.TryParse(trimmed, ignoreCase: true, out kind);
    }

    public static IValueMasker FixedMasker(MaskingRuleKind kind) => kind switch
    {
        MaskingRuleKind.IdCardNumber => new IdCardNumberMasker(),
        MaskingRuleKind.MobilePhone => new MobilePhoneMasker(),
        MaskingRuleKind.PersonName => new PersonNameMasker(),
        MaskingRuleKind.Address => new AddressMasker(),
        MaskingRuleKind.Email => new EmailMasker(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This rule needs parameters or has no masker."),
    };
}
