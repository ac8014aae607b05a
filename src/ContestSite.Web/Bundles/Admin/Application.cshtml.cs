using System.Security.Claims;
using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles.Admin;

/// <summary>One application for organizers: what the team asked, the experts' opinions, and the decision.</summary>
[RequirePermission(BundlePermissions.DecideApplications)]
public sealed class ApplicationModel(ContestDbContext db, DecideApplication decide, IOptions<BundleOptions> options, TimeProvider clock,
    IStringLocalizerFactory localizers)
    : ContestPageModel(localizers)
{
    public ApplicationRow Row { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();
    public int DefaultDays => options.Value.DefaultApprovalDays;
    /// <summary>The answer date the request form proposes: the default number of days from now (China time).</summary>
    public string DefaultOpinionDue => ContestTime.ToInput(clock.GetUtcNow().AddDays(options.Value.DefaultOpinionDays));
    private string DeciderId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostOpinionAsync(int id, string? dueAt) =>
        ActAsync(id, () => ContestTime.TryParseInput(dueAt, out var due)
            ? decide.RequestOpinionAsync(id, due)
            : Task.FromResult(RuleResult.Refuse(ContestTime.InputProblem(dueAt) ?? "请填写专家答复期限")), "已向专家委员会征求意见。");

    public Task<IActionResult> OnPostApproveAsync(int id, int validDays, string? note, string? assessment) =>
        ActAsync(id, () => decide.ApproveAsync(id, DeciderId, validDays, note, assessment), "申请已批准。");

    public Task<IActionResult> OnPostRejectAsync(int id, string? reason) => ActAsync(id, () => decide.RejectAsync(id, DeciderId, reason), "申请未予批准。");

    public Task<IActionResult> OnPostRevokeAsync(int id, string? reason) => ActAsync(id, () => decide.RevokeAsync(id, DeciderId, reason), "许可已撤销。");

    private async Task<IActionResult> ActAsync(int id, Func<Task<RuleResult>> action, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await action();
        if (result.Allowed)
        {
            Announce(done);
            return Redirect($"/admin/data-applications/{id}");
        }
        ShowRefusal(result);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var row = await db.ApplicationRowAsync(id);
        if (row is null) return false;
        Row = row;
        return true;
    }
}
