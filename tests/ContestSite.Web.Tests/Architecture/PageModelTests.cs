using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace ContestSite.Web.Tests.Architecture;

/// <summary>Decision 0001: pages may read; every write (and every audit entry) goes through a use case.</summary>
public sealed class PageModelTests
{
    /// <summary>What only a writer needs: the audit log (every change is recorded) and the file store.</summary>
    private static readonly string[] WriterOnlyTypes =
    [
        "ContestSite.Web.Audit.IAuditLog",
        "ContestSite.Web.Storage.IFileStore",
    ];

    private static PredicateList PageModels() =>
        Types.InAssembly(typeof(SiteHost).Assembly).That().Inherit(typeof(PageModel));

    [Fact]
    public void No_page_model_depends_on_the_audit_log_or_the_file_store()
    {
        var result = PageModels().ShouldNot().HaveDependencyOnAny(WriterOnlyTypes).GetResult();

        Assert.True(result.IsSuccessful, "Pages that write: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_pages_and_catches_a_class_that_writes()
    {
        Assert.True(PageModels().GetTypes().Count() > 40);

        var useCases = Types.InAssembly(typeof(SiteHost).Assembly).That().HaveName("SaveTrack").Or().HaveName("AddDatasetFile")
            .ShouldNot().HaveDependencyOnAny(WriterOnlyTypes).GetResult();

        Assert.False(useCases.IsSuccessful);
        Assert.Equal(2, useCases.FailingTypeNames.Count);
    }
}
