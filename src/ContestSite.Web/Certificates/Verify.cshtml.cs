using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Certificates;

/// <summary>
/// The public verification of a certificate, for anyone (the QR code on the paper leads here): valid, revoked (when and
/// why), or not found with 404. A code is matched after <see cref="CertificateCodes.TryNormalise"/>; anything that
/// cannot be a code is simply not found. Member names are not shown: the page is public.
/// </summary>
[Throttle(ThrottleRules.CertificateCode, GuessedRouteValue = "code")]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class VerifyModel(ContestDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public Certificate? Certificate { get; private set; }
    /// <summary>A code was asked for (not just the page with its form).</summary>
    public bool Asked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Model binding turns an empty or blank code into null: whether one was sent is read from the request itself.
        Asked = Code is not null || RouteData.Values.ContainsKey("code") || Request.Query.ContainsKey("code");
        if (!Asked) return Page();
        if (CertificateCodes.TryNormalise(Code, out var code))
            Certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, HttpContext.RequestAborted);
        if (Certificate is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
