using ContestSite.Core.Rules;
using ContestSite.Core.Text;

namespace ContestSite.Core.Catalog.Contributions;

/// <summary>What a contributor fills in: the metadata, the licence and the classification they declare.</summary>
public sealed class ContributionForm
{
    public ContributorKind Kind { get; set; }
    /// <summary>The organization contributed for (when <see cref="Kind"/> is an organization).</summary>
    public string? Organization { get; set; }
    public string? Contact { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Domain { get; set; }
    public string? UpdateFrequency { get; set; }
    /// <summary>Separated by commas, 、 or spaces.</summary>
    public string? Tags { get; set; }
    /// <summary>One of <see cref="ContributionRules.Licences"/>, or <see cref="ContributionRules.OtherLicence"/> with <see cref="LicenceText"/>.</summary>
    public string? Licence { get; set; }
    public string? LicenceText { get; set; }
    public OpenType OpenType { get; set; } = OpenType.Unconditional;
    public int? SensitivityLevel { get; set; }
    /// <summary>数据项: one field name per line.</summary>
    public string? Fields { get; set; }
    /// <summary>The sensitive ones among them, one per line.</summary>
    public string? SensitiveFields { get; set; }
}

/// <summary>A form that passed the rules, cleaned: what is stored.</summary>
public sealed record ContributionValues(string? Organization, string Contact, string Title, string Description, string? Domain, string? UpdateFrequency,
    IReadOnlyList<string> Tags, string Licence, OpenType OpenType, int SensitivityLevel, IReadOnlyList<string> Fields, IReadOnlyList<string> SensitiveFields);

/// <summary>
/// The rules of a contribution (社会贡献数据): enough said to review it, a licence from the list or named, and a
/// declared classification that could be opened. Nothing a contributor declares can put 禁止开放 data in the
/// catalogue: prohibited data and L4 data are refused outright, L3 data only as restricted, and declared
/// sensitive fields make data restricted (the reviewing organizer adds masking rules before publishing).
/// </summary>
public static class ContributionRules
{
    public const int TitleMin = 4, TitleMax = 200, DescriptionMin = 10, DescriptionMax = 4000, OrganizationMax = 100, ContactMin = 5, ContactMax = 100,
        ShortMax = 50, DomainMax = 100, LicenceMax = 100, TagMax = 30, MaxTags = 10, FieldMax = 200, MaxFields = 200;

    public const string OtherLicence = "其他";

    /// <summary>The licences offered; anything else is named as <see cref="OtherLicence"/>.</summary>
    public static readonly IReadOnlyList<string> Licences = ["CC BY 4.0", "CC BY-SA 4.0", "CC0 1.0", "ODC-BY 1.0", "开放数据授权协议"];

    public static (RuleResult Result, ContributionValues? Values) Check(ContributionForm form)
    {
        if (!Enum.IsDefined(form.Kind)) return Refuse("请选择代表组织还是团队贡献");
        var organization = UserText.CleanLine(form.Organization);
        if (form.Kind == ContributorKind.Organization && organization is null) return Refuse("请填写贡献数据的组织名称");
        if (organization?.Length > OrganizationMax) return Refuse("组织名称不能超过 {0} 个字", OrganizationMax);
        var contact = UserText.CleanLine(form.Contact) ?? "";
        if (contact.Length < ContactMin || contact.Length > ContactMax) return Refuse("请填写联系方式（{0} 到 {1} 个字）", ContactMin, ContactMax);
        var title = UserText.CleanLine(form.Title) ?? "";
        if (title.Length < TitleMin) return Refuse("请用至少 {0} 个字填写数据集名称", TitleMin);
        if (title.Length > TitleMax) return Refuse("数据集名称不能超过 {0} 个字", TitleMax);
        var description = UserText.Clean(form.Description) ?? "";
        if (description.Length < DescriptionMin) return Refuse("请用至少 {0} 个字说明数据的内容", DescriptionMin);
        if (description.Length > DescriptionMax) return Refuse("数据说明不能超过 {0} 个字", DescriptionMax);
        var domain = UserText.CleanLine(form.Domain);
        if (domain?.Length > DomainMax) return Refuse("数据领域不能超过 {0} 个字", DomainMax);
        var frequency = UserText.CleanLine(form.UpdateFrequency);
        if (frequency?.Length > ShortMax) return Refuse("更新频率不能超过 {0} 个字", ShortMax);
        var tags = Split(form.Tags, [',', '，', '、', ';', '；', ' ', '\n', '\t']);
        if (tags.Count > MaxTags) return Refuse("标签最多 {0} 个", MaxTags);
        if (tags.Any(t => t.Length > TagMax)) return Refuse("每个标签不能超过 {0} 个字", TagMax);

        var licence = LicenceOf(form);
        if (licence is null) return Refuse("请选择许可协议，选择“其他”时请填写协议名称");
        if (licence.Length > LicenceMax) return Refuse("许可协议名称不能超过 {0} 个字", LicenceMax);

        var fields = Split(form.Fields, ['\n']);
        if (fields.Count > MaxFields) return Refuse("数据项最多 {0} 个", MaxFields);
        if (fields.Any(f => f.Length > FieldMax)) return Refuse("数据项名称不能超过 {0} 个字", FieldMax);
        var sensitive = Split(form.SensitiveFields, ['\n', ',', '，', '、']);
        if (sensitive.FirstOrDefault(s => !fields.Contains(s, StringComparer.Ordinal)) is { } stray)
            return Refuse("敏感字段“{0}”不在数据项中，请先在数据项中列出", stray);

        var classification = CheckClassification(form.OpenType, form.SensitivityLevel, sensitive);
        if (!classification.Allowed) return (classification, null);
        return (RuleResult.Ok, new ContributionValues(form.Kind == ContributorKind.Organization ? organization : null, contact, title, description, domain, frequency,
            tags, licence, form.OpenType, form.SensitivityLevel!.Value, fields, sensitive));
    }

    /// <summary>The declared classification: only what may be opened, and never more open than its level and sensitive fields allow.</summary>
    public static RuleResult CheckClassification(OpenType openType, int? level, IReadOnlyCollection<string> sensitiveFields)
    {
        if (!Enum.IsDefined(openType)) return RuleResult.Refuse("请选择开放类型");
        if (openType == OpenType.Prohibited) return RuleResult.Refuse("禁止开放的数据不能贡献到数据目录");
        if (level is not (>= 1 and <= 4)) return RuleResult.Refuse("请选择数据的分级（L1 到 L4）");
        if (level == 4) return RuleResult.Refuse("L4 级数据只能禁止开放，不能贡献到数据目录");
        if (openType == OpenType.Unconditional && sensitiveFields.Count > 0)
            return RuleResult.Refuse("含敏感字段（{0}）的数据不能无条件开放，请选择受限开放", string.Join("、", sensitiveFields));
        // Masking rules are the reviewer's to add: the level's own limits are checked now, the rules at approval.
        return SensitivityRules.Check(level, openType, sensitiveFields, sensitiveFields);
    }

    private static string? LicenceOf(ContributionForm form)
    {
        var chosen = UserText.CleanLine(form.Licence);
        if (chosen is not null && Licences.Contains(chosen, StringComparer.Ordinal)) return chosen;
        return chosen == OtherLicence ? UserText.CleanLine(form.LicenceText) : null;
    }

    private static List<string> Split(string? text, char[] separators) =>
        (UserText.Clean(text) ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static (RuleResult, ContributionValues?) Refuse(string message, params object[] arguments) => (RuleResult.Refuse(message, arguments), null);
}
