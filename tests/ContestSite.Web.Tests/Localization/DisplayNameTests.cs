using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContestSite.Core.Bundles;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Core.DataRequests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Web.Audit;
using ContestSite.Web.Bundles;
using ContestSite.Web.Files;
using ContestSite.Web.Security;
using ContestSite.Web.Submissions;
using ContestSite.Web.Teams;

namespace ContestSite.Web.Tests.Localization;

/// <summary>
/// What a person reads for an enum value, a role or an audit action is a Chinese name with an English translation,
/// never the code; and the English texts use English punctuation. Reads the source and the translation files only.
/// </summary>
public sealed partial class DisplayNameTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string TranslationFolder = Path.Combine(Root, "src", "ContestSite.Web", "Localization", "en-US");
    private static readonly IReadOnlyDictionary<string, string> English = ReadTranslations();

    /// <summary>Every enum a page shows, with the function the pages show it through.</summary>
    public static TheoryData<string> ShownEnums => [.. ShownEnumNames.Keys];

    private static readonly Dictionary<string, Func<IEnumerable<(string Code, string Chinese)>>> ShownEnumNames = new()
    {
        [nameof(MaskingRuleKind)] = () => Names<MaskingRuleKind>(BundleText.MaskingRule),
        [nameof(ApplicationStatus)] = () => Names<ApplicationStatus>(BundleText.Status),
        [nameof(AwardLevel)] = () => Names<AwardLevel>(AwardLevelNames.Of),
        [nameof(RoundPhase)] = () => Names<RoundPhase>(RoundLifecycle.Name),
        [nameof(SubmissionStatus)] = () => Names<SubmissionStatus>(s => SubmissionText.Status(s)),
        [nameof(SubmissionFileKind)] = () => Names<SubmissionFileKind>(FileKinds.DisplayName),
        [nameof(TeamStatus)] = () => Names<TeamStatus>(TeamText.Status),
        [nameof(OrganizationType)] = () => Names<OrganizationType>(TeamText.Organization),
        [nameof(TeamRole)] = () => Names<TeamRole>(TeamText.Role),
        [nameof(DatasetStatus)] = () => Names<DatasetStatus>(Web.Catalog.Review.DatasetStatusText.Of),
        [nameof(DataRequestState)] = () => Names<DataRequestState>(Web.DataRequests.DataRequestText.State),
    };

    [Theory]
    [MemberData(nameof(ShownEnums))]
    public void Every_value_of_a_shown_enum_has_a_Chinese_name_and_an_English_translation(string enumName)
    {
        var problems = Problems(ShownEnumNames[enumName]());

        Assert.True(problems.Count == 0, $"{enumName}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_built_in_role_has_a_Chinese_name_and_an_English_translation()
    {
        var problems = Problems(BuiltInRoles.All.Select(role => (role, BuiltInRoles.DisplayName(role))));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_audit_action_and_outcome_named_has_a_Chinese_name_and_an_English_translation()
    {
        var problems = Problems(AuditActionNames.Known.Select(a => (a, AuditActionNames.Of(a)))
            .Concat(AuditActionNames.KnownOutcomes.Select(o => (o, AuditActionNames.Outcome(o)))));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_audit_action_written_in_the_source_has_a_name()
    {
        var written = AuditActionsInSource();
        Assert.Contains("gallery.likes.opened", written);
        Assert.Contains("storage.file-tampered", written);

        var unnamed = written.Where(action => !AuditActionNames.Known.Contains(action)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unnamed.Count == 0, "Audit actions the log would show as codes (name them in AuditActionNames): " + string.Join(", ", unnamed));
    }

    [Fact]
    public void No_English_text_contains_Chinese_full_width_punctuation()
    {
        var offending = English.Where(t => FullWidthPunctuation().IsMatch(t.Value)).Select(t => $"  \"{t.Key}\" → \"{t.Value}\"").ToList();

        Assert.True(offending.Count == 0, $"{offending.Count} English text(s) with ，。：；（）“”:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_punctuation_check_finds_full_width_punctuation() =>
        Assert.All(new[] { "a，b", "end。", "Note：x", "a；b", "（x）", "“x”" }, text => Assert.Matches(FullWidthPunctuation(), text));

    private static IEnumerable<(string, string)> Names<T>(Func<T, string> name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(value => (value.ToString(), name(value)));

    private static List<string> Problems(IEnumerable<(string Code, string Chinese)> names)
    {
        var problems = new List<string>();
        foreach (var (code, chinese) in names)
        {
            if (!Cjk().IsMatch(chinese)) problems.Add($"  {code} is shown as \"{chinese}\", not a Chinese name");
            else if (!English.TryGetValue(chinese, out var english) || string.IsNullOrWhiteSpace(english)) problems.Add($"  {code}: \"{chinese}\" has no English translation");
            else if (english == chinese) problems.Add($"  {code}: \"{chinese}\" is \"translated\" as itself");
        }
        return problems;
    }

    /// <summary>The literal codes on the lines that write an audit entry or name its action.</summary>
    private static HashSet<string> AuditActionsInSource()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var folder = Path.Combine(Root, "src", "ContestSite.Web");
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            foreach (var line in File.ReadLines(path, Encoding.UTF8).Where(l => ActionLine().IsMatch(l)))
                foreach (Match code in ActionCode().Matches(line))
                    found.Add(code.Groups[1].Value);
        return found;
    }

    private static Dictionary<string, string> ReadTranslations()
    {
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(TranslationFolder, "*.json").Order(StringComparer.Ordinal))
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(path)) ?? [])
                translations[key] = value;
        return translations;
    }

    [GeneratedRegex("[，。：；（）“”]")]
    private static partial Regex FullWidthPunctuation();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"AuditEvent\(|\b\w*[Aa]ction\w*\s*=")]
    private static partial Regex ActionLine();

    [GeneratedRegex(@"""([a-z]+(?:\.[a-z0-9\-]+)+)""")]
    private static partial Regex ActionCode();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ContestSite.sln above {AppContext.BaseDirectory}");
    }
}
