using ContestSite.Core.Bundles;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>The data-use agreement: the version in force, every earlier version, and the form that publishes the next.</summary>
[RequirePermission(BundlePermissions.ManageBundles)]
public sealed class AgreementsModel(Agreements agreements, MarkdownRenderer markdown, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public AgreementVersion? Current { get; private set; }
    public string CurrentHtml { get; private set; } = "";
    public IReadOnlyList<AgreementVersion> History { get; private set; } = [];

    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Markdown = Current?.Markdown;
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PublishAgreement publish)
    {
        var (result, version) = await publish.RunAsync(AgreementKind.DataUse, null, Markdown, Note, UserId, HttpContext.RequestAborted);
        if (!result.Allowed)
        {
            await LoadAsync();
            ShowRefusal(result);
            return Page();
        }
        Announce("已发布数据使用协议第 {0} 版，此后的申请须同意新版本。", version!.Number);
        return Redirect("/admin/agreements");
    }

    private async Task LoadAsync()
    {
        Current = await agreements.CurrentAsync(AgreementKind.DataUse);
        CurrentHtml = Current is null ? "" : markdown.ToSafeHtml(Current.Markdown);
        History = await agreements.HistoryAsync(AgreementKind.DataUse);
    }
}
