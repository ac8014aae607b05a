namespace ContestSite.Core.Bundles.Masking;

/// <summary>
/// What an organizer chose for one field, as stored with the bundle: the rule by name, and N/M for
/// KeepFirstLast. <see cref="MaskingPlan.Build"/> checks it.
/// </summary>
public sealed record MaskingRuleChoice(string FieldName, string Rule, int? KeepFirst = null, int? KeepLast = null);
