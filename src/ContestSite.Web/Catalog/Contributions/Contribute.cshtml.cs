using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;
using ContestSite.Data;
using ContestSite.Web.Security;
using ContestSite.Web.Seasons;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>
/// The contribution form (贡献数据): a new contribution, or the correction of one the review returned. Signed-in
/// people only; posting is rate-limited like the other forms that publish what people write.
/// </summary>
[Authorize]
[RequirePermission(CatalogPermissions.ViewCatalog)]
[Throttle(ThrottleRules.PublicPost)]
[RequestSizeLimit(ContributionFiles.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ContributionFiles.MaxRequestBytes)]
public sealed class ContributeModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty] public ContributionForm Input { get; set; } = new();
    public Guid? DatasetId { get; private set; }
    public bool Open { get; private set; }
    /// <summary>The team the person captains in the current contest, offered as the contributor.</summary>
    public string? CaptainOf { get; private set; }
    public IReadOnlyList<DatasetResource> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is { } datasetId)
        {
            var found = await LoadAsync(datasetId);
            if (found is not { } loaded) return NotFound();
            Input = loaded;
        }
        await ShowAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, List<IFormFile>? files, [FromServices] ContributeDataset contribute)
    {
        // A file input left empty sends a part without a name; a named empty file is checked (and refused) like any other.
        var uploads = (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new ContributedFile(f.FileName, f.OpenReadStream)).ToList();
        var outcome = await contribute.RunAsync(UserId, id, Input, uploads, HttpContext.RequestAborted);
        if (outcome is not { } done) return NotFound();
        if (!done.Result.Allowed)
        {
            ShowRefusal(done.Result);
            await ShowAsync(id);
            return Page();
        }
        Announce("数据已提交审核。审核通过后将在数据目录中公开，并标注为社会贡献数据。");
        return Redirect("/datasets/contributions");
    }

    private async Task ShowAsync(Guid? id)
    {
        DatasetId = id;
        Open = (await current.FindAsync(HttpContext.RequestAborted))?.AcceptsContributions == true;
        var contestId = await current.FindIdAsync(HttpContext.RequestAborted);
        CaptainOf = await db.Teams.AsNoTracking().Where(t => t.ContestId == contestId && t.Members.Any(m => m.UserId == UserId && m.Role == Core.Teams.TeamRole.Captain))
            .Select(t => t.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (id is { } datasetId)
            Files = await db.DatasetResources.AsNoTracking().Where(r => r.DatasetId == datasetId && db.DatasetContributions.Any(c => c.DatasetId == datasetId && c.ContributorId == UserId))
                .OrderBy(r => r.FileName).ToListAsync(HttpContext.RequestAborted);
    }

    /// <summary>The person's own contribution as a form; null when it is not theirs (or does not exist).</summary>
    private async Task<ContributionForm?> LoadAsync(Guid id)
    {
        var contribution = await db.DatasetContributions.AsNoTracking().SingleOrDefaultAsync(c => c.DatasetId == id && c.ContributorId == UserId, HttpContext.RequestAborted);
        if (contribution is null) return null;
        var d = await db.Datasets.AsNoTracking().Include(x => x.Fields).SingleAsync(x => x.Id == id, HttpContext.RequestAborted);
        var fields = d.Fields.OrderBy(f => f.SortOrder).ToList();
        var listed = d.Licence is not null && ContributionRules.Licences.Contains(d.Licence);
        return new ContributionForm
        {
            Kind = contribution.Kind, Organization = contribution.Kind == ContributorKind.Organization ? d.Provider : null, Contact = contribution.Contact,
            Title = d.Title, Description = d.Description, Domain = d.Domain, UpdateFrequency = d.UpdateFrequency, Tags = string.Join("，", d.Tags),
            Licence = listed ? d.Licence : ContributionRules.OtherLicence, LicenceText = listed ? null : d.Licence,
            OpenType = d.OpenType, SensitivityLevel = d.SensitivityLevel,
            Fields = string.Join("\n", fields.Select(f => f.Name)), SensitiveFields = string.Join("\n", fields.Where(f => f.IsSensitive).Select(f => f.Name)),
        };
    }
}
