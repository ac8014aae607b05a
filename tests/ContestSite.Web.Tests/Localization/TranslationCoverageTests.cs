using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContestSite.Web.Tests.Localization;

/// <summary>
/// The Chinese text in the code is the localization key; the English lives in
/// <c>src/ContestSite.Web/Localization/en-US/*.json</c>. These tests read the source files (no site is started)
/// and check that every literal Chinese text handed to the localizer has a translation, that no text is
/// translated twice, that translations keep their <c>{0}</c> placeholders, and that every file parses.
/// </summary>
public sealed partial class TranslationCoverageTests
{
    /// <summary>A C# string literal (not interpolated); group 1 is its text.</summary>
    private const string Literal = @"(?<![$\w])@?""((?:[^""\\\r\n]|\\.)*)""";

    /// <summary>Where a literal is a localization key: each pattern's groups are keys.</summary>
    private static readonly Regex[] KeyPatterns =
    [
        // T["..."], T["...", args], _t["..."], t["..."], _text["..."], localizers.Create(typeof(X))["..."]
        new(@"(?:\b(?:T|_t|t|_text)|\bCreate\((?:[^()]|\([^()]*\))*\))\[\s*" + Literal),
        // DataAnnotations: [Required(ErrorMessage = "...")], localized through the same factory
        new(@"\bErrorMessage\s*=\s*" + Literal),
        // new NavItem(NavMenu.Main, "公告", ...), rendered through T[item.Text]
        new(@"\bnew\(\s*NavMenu\.\w+\s*,\s*" + Literal),
        // new Permission(Name, "分类", "说明"), rendered through T[...] on the role page
        new(@"\bnew\(\s*\w+\s*,\s*" + Literal + @"\s*,\s*" + Literal),
        // LocalizedIdentityErrorDescriber: Error(nameof(X), "...", args)
        new(@"\bError\(\s*nameof\(\w+\)\s*,\s*" + Literal),
        // Upload endpoints: Error(http, StatusCodes.Status400BadRequest, "..."), localized when answered
        new(@"\bError\(\s*http\s*,\s*StatusCodes\.\w+\s*,\s*" + Literal),
        // ContestSchedule.Validate, use cases and page checks: errors.Add("..."), problems.Add("..."), Fail("..."),
        // RuleResult.Refuse("..."), ChangeResult.Refuse("..."), later passed through _t[error]
        new(@"\b(?:errors\.Add|problems\.Add|Fail|Refuse|Refused)\(\s*" + Literal),
        new(@"\b(?:errors|problems)\s*=\s*\[[^\]]*?,\s*" + Literal),
        new(@"\berror\s*=\s*" + Literal),
        // Announcement categories, rendered through T[a.Category]
        new(@"\bCategories\s*=\s*\[\s*" + Literal + @"(?:\s*,\s*" + Literal + @")*"),
    ];

    [GeneratedRegex(Literal)]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"\.Build\(")]
    private static partial Regex BuildCall();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();

    private static readonly string Root = FindRepositoryRoot();
    private static readonly string TranslationFolder = Path.Combine(Root, "src", "ContestSite.Web", "Localization", "en-US");

    [Fact]
    public void Every_Chinese_text_passed_to_the_localizer_has_an_English_translation()
    {
        var translated = ReadTranslations().Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

        var missing = ScanKeys().Where(use => !translated.Contains(use.Key)).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Select(m => m.Key).Distinct().Count()} Chinese text(s) have no English translation in {Relative(TranslationFolder)}:\n"
            + string.Join("\n", missing.GroupBy(m => m.Key).Select(g => $"  \"{g.Key}\"  at {string.Join(", ", g.Select(m => m.Location))}")));
    }

    [Fact]
    public void The_scan_finds_the_texts_of_every_kind_of_localizer_use()
    {
        // Guards the scan itself: if a pattern stopped matching, the coverage test would pass vacuously.
        var found = ScanKeys().Select(use => use.Key).ToHashSet(StringComparer.Ordinal);

        string[] samples =
        [
            "跳到正文",                              // T["..."] in the theme's layout
            "轮次：{0}",                             // T["...", args] in a view
            "赛事设置已保存。",                      // _t["..."]
            "请求无效",                              // t["..."] on the error page
            "如果该邮箱已注册，重置密码的邮件已发出，请查收。", // localizers.Create(...)["..."]
            "此邮件由系统自动发送，请勿直接回复。",  // _text["..."]
            "请填写昵称",                            // ErrorMessage = "..."
            "角色与权限",                            // NavItem text
            "管理角色及其权限",                      // permission description
            "链接 24 小时内有效，只能使用一次。",    // EmailTemplates.Build paragraph key
            "操作失败，请重试。",                    // identity error text
            "评审开始时间不能早于提交截止时间",      // ContestSchedule.Validate error
            "已有同名赛道。",                        // ChangeResult.Refuse("...")
            "不能停用自己的账号。",                  // RuleResult.Refuse("...")
            "该年份已有赛事",                        // problems = [.. problems, "..."]
            "通知",                                  // announcement category
            "请求缺少有效的 Upload-Offset",          // Error(http, StatusCodes.X, "...") in an endpoint
        ];
        var notFound = samples.Where(s => !found.Contains(s)).ToList();
        Assert.True(notFound.Count == 0, "The scan no longer finds: " + string.Join(", ", notFound));
    }

    [Fact]
    public void No_text_is_translated_in_two_files()
    {
        var duplicates = ReadTranslations().GroupBy(t => t.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();

        Assert.True(duplicates.Count == 0, "Texts translated more than once (the later file silently wins):\n"
            + string.Join("\n", duplicates.Select(g => $"  \"{g.Key}\" in {string.Join(", ", g.Select(t => t.File))}")));
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_Chinese_text()
    {
        var problems = new List<string>();
        foreach (var (file, key, value) in ReadTranslations())
        {
            var expected = Placeholders(key);
            var actual = Placeholders(value);
            if (!expected.SetEquals(actual))
                problems.Add($"  {file}: \"{key}\" has {{{string.Join("},{", expected.Order())}}} but \"{value}\" has {{{string.Join("},{", actual.Order())}}}");
            else if (expected.Count > 0 && !Formats(value, expected.Max() + 1))
                problems.Add($"  {file}: \"{value}\" is not a valid format string");
        }

        Assert.True(problems.Count == 0, "Translations whose placeholders differ from their Chinese text:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_translation_file_is_a_valid_JSON_object_of_texts()
    {
        var files = Directory.GetFiles(TranslationFolder, "*.json");
        Assert.NotEmpty(files);
        var problems = new List<string>();
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            try
            {
                // Read the way JsonStringLocalizerFactory reads it.
                using var stream = File.OpenRead(path);
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
                if (entries is null || entries.Count == 0) problems.Add($"  {Path.GetFileName(path)}: empty");
                else problems.AddRange(entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"  {Path.GetFileName(path)}: \"{e.Key}\" has an empty translation"));
            }
            catch (JsonException ex)
            {
                problems.Add($"  {Path.GetFileName(path)}: {ex.Message}");
            }
        }

        Assert.True(problems.Count == 0, "Translation files that do not parse:\n" + string.Join("\n", problems));
    }

    private sealed record KeyUse(string Key, string Location);

    /// <summary>Every literal Chinese text used as a localization key, with file:line.</summary>
    private static List<KeyUse> ScanKeys()
    {
        var uses = new List<KeyUse>();
        foreach (var path in SourceFiles())
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var found = new List<(int Index, string Value)>();
            foreach (var pattern in KeyPatterns)
                foreach (Match match in pattern.Matches(text))
                    for (var g = 1; g < match.Groups.Count; g++)
                        foreach (Capture capture in match.Groups[g].Captures)
                            found.Add((capture.Index, capture.Value));
            found.AddRange(BuildCallLiterals(text));

            foreach (var (index, raw) in found.Distinct().OrderBy(f => f.Index))
            {
                var key = Unescape(raw);
                if (Cjk().IsMatch(key)) uses.Add(new KeyUse(key, $"{Relative(path)}:{LineOf(text, index)}"));
            }
        }
        return uses;
    }

    /// <summary>EmailTemplates.Build(culture, to, name, "subject key", [("paragraph key", args)], ("label key", url)): every literal in the call is a key.</summary>
    private static IEnumerable<(int Index, string Value)> BuildCallLiterals(string text)
    {
        foreach (Match call in BuildCall().Matches(text))
        {
            var start = call.Index + call.Length;
            var end = start;
            for (var depth = 1; depth > 0 && end < text.Length; end++)
            {
                switch (text[end])
                {
                    case '"':
                        for (end++; end < text.Length && text[end] != '"'; end++)
                            if (text[end] == '\\') end++;
                        break;
                    case '(': depth++; break;
                    case ')': depth--; break;
                }
            }
            foreach (Match literal in LiteralPattern().Matches(text[start..end]))
                yield return (start + literal.Groups[1].Index, literal.Groups[1].Value);
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        static IEnumerable<string> Under(string folder, params string[] patterns) =>
            patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
                .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"));

        return Under(Path.Combine(Root, "src", "ContestSite.Web"), "*.cs", "*.cshtml")
            .Concat(Under(Path.Combine(Root, "themes"), "*.cshtml"))
            .Append(Path.Combine(Root, "src", "ContestSite.Core", "Contests", "ContestSchedule.cs"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every (file, key, translation), duplicates included, read property by property. A file that does not
    /// parse is left out here; <see cref="Every_translation_file_is_a_valid_JSON_object_of_texts"/> reports it.
    /// </summary>
    private static List<(string File, string Key, string Value)> ReadTranslations()
    {
        var entries = new List<(string, string, string)>();
        foreach (var path in Directory.GetFiles(TranslationFolder, "*.json").Order(StringComparer.Ordinal))
        {
            JsonDocument document;
            try { document = JsonDocument.Parse(File.ReadAllBytes(path)); }
            catch (JsonException) { continue; }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) continue;
                foreach (var property in document.RootElement.EnumerateObject())
                    entries.Add((Path.GetFileName(path), property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : ""));
            }
        }
        return entries;
    }

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    private static bool Formats(string text, int argumentCount)
    {
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, text, Enumerable.Range(0, argumentCount).Select(i => (object)i).ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ContestSite.sln above {AppContext.BaseDirectory}");
    }
}
