using ContestSite.Core.Audit;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit.Admin;

/// <summary>
/// One audit entry in full, with whether its own hash and its link to the entry before still hold.
/// Read-only by construction: any method but GET and HEAD is answered 405 before anything else runs.
/// </summary>
[RequirePermission(AuditPermissions.ViewAuditLog)]
[AllowMethods("GET", "HEAD")]
public sealed class AuditEntryDetailModel(ContestDbContext db, AuditNames names, AuditChainKeys keys) : PageModel
{
    public AuditEntry Entry { get; private set; } = null!;
    public AuditNames Names => names;
    /// <summary>Checked as the chain check does: keyed entries with their key (an unknown key counts as not matching).</summary>
    public bool HashMatches { get; private set; }
    /// <summary>Whether the entry points to the one before it (the genesis hash for the first).</summary>
    public bool LinkMatches { get; private set; }
    public long? PreviousId { get; private set; }
    public long? NextId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var entries = db.AuditEntries.AsNoTracking();
        var entry = await entries.FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null) return NotFound();
        Entry = entry;
        HashMatches = AuditChain.HashHolds(entry, keys.Find) == true;
        var previous = await entries.Where(e => e.Id < id).OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync();
        PreviousId = previous?.Id;
        LinkMatches = previous is null ? entry.PreviousHash == AuditChain.GenesisHash : previous.Hash == entry.PreviousHash;
        NextId = await entries.Where(e => e.Id > id).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync();
        await names.LoadAsync([entry]);
        return Page();
    }
}

