using System.Reflection;
using System.Text.RegularExpressions;
using ContestSite.Web.Hosting;
using NetArchTest.Rules;

namespace ContestSite.Web.Tests.Architecture;

/// <summary>
/// Issue 15: a feature folder is a unit that can be changed or deleted knowing what breaks. It may use the shared
/// folders and what another folder publishes as an <see cref="ExtensionPointAttribute">extension point</see>,
/// nothing else. Hosting is the composition root: it may use everything, and only its published pieces are used.
/// The check reads the compiled site, so it cannot see a <c>const</c> of another folder (the compiler copies its
/// value): shared constants live in shared places. Decision 2 in <c>docs/decisions</c>.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private static readonly string[] Features =
        ["Accounts", "Admin", "Announcements", "Bundles", "Catalog", "Certificates", "Contests", "DataRequests", "Gallery", "Home", "Judging", "Setup", "Submissions", "Teams"];

    /// <summary>Folders named for what they are, used by any feature. "" is the root namespace (ContestTime…).</summary>
    private static readonly string[] SharedFolders =
        ["", "Audit", "Email", "Errors", "Exports", "Files", "Health", "Localization", "Navigation", "Security", "Seasons", "Shared", "Storage", "Text", "Throttling"];

    private const string CompositionRoot = "Hosting";

    [Fact]
    public void A_feature_folder_uses_only_shared_folders_and_the_extension_points_of_other_features()
    {
        var violations = FolderBoundaries.Violations(Features, SharedFolders);

        Assert.True(violations.Count == 0, "Forbidden dependencies (type → what it must not use):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_site_is_either_a_feature_a_shared_folder_or_the_composition_root()
    {
        var known = Features.Concat(SharedFolders).Append(CompositionRoot).ToHashSet();

        var unknown = FolderBoundaries.Folders().Where(folder => !known.Contains(folder)).ToList();

        Assert.True(unknown.Count == 0, "Folders the boundary test does not know: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_rule_sees_razor_views_and_catches_a_view_that_uses_another_folder()
    {
        // Judging/Entry.cshtml (markup, not its page model) shows file sizes with Files.ByteSizeText: were Files
        // a feature, that line would be a violation, and the rule must name the generated view class.
        var violations = FolderBoundaries.Violations([.. Features, "Files"], SharedFolders.Where(s => s != "Files").ToArray());

        Assert.Contains("ContestSite.Web.Judging.Judging_Entry → ContestSite.Web.Files.ByteSizeText", violations);
        Assert.True(typeof(Microsoft.AspNetCore.Mvc.RazorPages.Page).IsAssignableFrom(typeof(SiteHost).Assembly.GetType("ContestSite.Web.Judging.Judging_Entry")));
    }

    [Fact]
    public void The_rule_catches_a_feature_that_uses_what_another_feature_has_not_published()
    {
        // Without its [ExtensionPoint] mark, the home page's provider interface is Home's own business again.
        var violations = FolderBoundaries.Violations(Features, SharedFolders, unpublished: typeof(Web.Home.ICallToActionProvider));

        Assert.Contains(violations, v => v.StartsWith("ContestSite.Web.Teams.", StringComparison.Ordinal) && v.EndsWith("→ ContestSite.Web.Home.ICallToActionProvider", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("ContestSite.Web.Judging.", StringComparison.Ordinal) && v.EndsWith("→ ContestSite.Web.Home.ICallToActionProvider", StringComparison.Ordinal));
    }

    /// <summary>The check, with NetArchTest over the compiled site (page models, use cases and generated Razor views alike).</summary>
    private static class FolderBoundaries
    {
        private const string Root = "ContestSite.Web";
        private static readonly Assembly Site = typeof(SiteHost).Assembly;
        // Read once: NetArchTest loads the assembly with Cecil, which is the slow part.
        private static readonly Types SiteTypes = Types.InAssembly(Site);

        /// <summary>The top-level folder of a namespace of the site: "" for the root namespace, null outside it.</summary>
        private static string? FolderOf(string? ns) =>
            ns == Root ? "" : ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;

        public static IEnumerable<string> Folders() =>
            Site.GetTypes().Select(t => FolderOf(t.Namespace)).OfType<string>().Distinct();

        /// <summary>
        /// "type → forbidden dependency" for every type of a feature or shared folder that uses a type another feature
        /// (or Hosting) keeps to itself. <paramref name="unpublished"/> are treated as unmarked, to prove the rule bites.
        /// </summary>
        public static List<string> Violations(string[] features, string[] sharedFolders, params Type[] unpublished)
        {
            var owned = Site.GetTypes()
                .Where(t => !t.IsNested && FolderOf(t.Namespace) is { } folder && (features.Contains(folder) || folder == CompositionRoot))
                .Where(t => t.GetCustomAttribute<ExtensionPointAttribute>() is null || unpublished.Contains(t))
                .GroupBy(t => FolderOf(t.Namespace)!)
                .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray());

            var violations = new List<string>();
            foreach (var folder in features.Concat(sharedFolders))
            {
                var others = owned.Where(o => o.Key != folder).ToList();
                if (!InFolder(folder).And().HaveDependencyOnAny(others.SelectMany(o => o.Value).ToArray()).GetTypes().Any())
                {
                    continue;
                }
                // Only on failure: which folder's types, then which type uses which, one forbidden type at a time.
                foreach (var ownType in others.Where(o => InFolder(folder).And().HaveDependencyOnAny(o.Value).GetTypes().Any()).SelectMany(o => o.Value))
                {
                    violations.AddRange(InFolder(folder).And().HaveDependencyOn(ownType).GetTypes()
                        .Select(user => $"{Outermost(user).FullName} → {ownType}"));
                }
            }
            return violations.Distinct().Order(StringComparer.Ordinal).ToList();
        }

        private static PredicateList InFolder(string folder) =>
            SiteTypes.That().ResideInNamespaceMatching(folder == "" ? $"^{Regex.Escape(Root)}$" : $"^{Regex.Escape(Root + "." + folder)}(\\.|$)");

        private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
    }
}
