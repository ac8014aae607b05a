using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Contests.Admin;

[RequirePermission(ContestPermissions.ManageContest)]
public sealed class EditContestModel(ContestDbContext db, CurrentContest current, IAuditLog audit, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(EditContestModel));

    [BindProperty] public ContestInput Input { get; set; } = new();
    public int? ContestId { get; private set; }
    public IReadOnlyList<Track> Tracks { get; private set; } = [];
    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var contest = await current.FindAsync();
        if (contest is not null) Input = ContestInput.From(contest);
        Show(contest);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contest = await current.FindAsync();
        if (!ModelState.IsValid) { Show(contest); return Page(); }
        var isNew = contest is null;
        contest ??= new Contest { Name = "", IsCurrent = true };
        if (!Input.TryApply(contest, out var timeError))
        {
            ModelState.AddModelError(string.Empty, _t[timeError!].Value);
            Show(isNew ? null : contest);
            return Page();
        }
        var errors = ContestSchedule.Validate(contest);
        if (await db.Contests.AnyAsync(c => c.Year == contest.Year && c.Id != contest.Id))
            errors = [.. errors, "该年份已有赛事"];
        if (errors.Count > 0)
        {
            foreach (var error in errors) ModelState.AddModelError(string.Empty, _t[error].Value);
            db.ChangeTracker.Clear();
            Show(isNew ? null : await current.FindAsync());
            return Page();
        }
        if (isNew) db.Contests.Add(contest);
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("contest.settings-changed", $"contest:{contest.Id}", "ok",
            $"registration {ContestTime.Display(contest.RegistrationOpensAt)}–{ContestTime.Display(contest.RegistrationClosesAt)}; team {contest.MinTeamSize}–{contest.MaxTeamSize}; roster lock {ContestTime.Display(contest.RosterLocksAt)}"));
        TempData["Notice"] = _t["赛事设置已保存。"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSaveTrackAsync(int? trackId, string? trackName, string? trackDescription)
    {
        var contest = await current.FindAsync();
        if (contest is null) return RedirectToPage();
        var name = trackName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            return Fail("赛道名称不能为空，且不超过 200 个字符。");
        if (contest.Tracks.Any(t => t.Name == name && t.Id != trackId))
            return Fail("已有同名赛道。");
        var track = trackId is null ? null : contest.Tracks.FirstOrDefault(t => t.Id == trackId);
        if (trackId is not null && track is null) return NotFound();
        if (track is null) contest.Tracks.Add(track = new Track { Name = name, SortOrder = contest.Tracks.Count });
        track.Name = name;
        track.Description = string.IsNullOrWhiteSpace(trackDescription) ? null : trackDescription.Trim();
        await db.SaveChangesAsync();
        await audit.AppendAsync(new AuditEvent("contest.track-saved", $"track:{track.Id}", "ok", name));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteTrackAsync(int trackId)
    {
        var track = await db.Tracks.FindAsync(trackId);
        if (track is null) return NotFound();
        db.Tracks.Remove(track);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            return Fail("该赛道已有团队或作品，不能删除。");
        }
        await audit.AppendAsync(new AuditEvent("contest.track-deleted", $"track:{trackId}", "ok", track.Name));
        return RedirectToPage();
    }

    private IActionResult Fail(string message)
    {
        TempData["Notice"] = _t[message].Value;
        return RedirectToPage();
    }

    private void Show(Contest? contest)
    {
        ContestId = contest?.Id;
        Tracks = contest?.Tracks.OrderBy(t => t.SortOrder).ToList() ?? [];
        Rounds = contest?.Rounds.OrderBy(r => r.Sequence).ToList() ?? [];
    }
}

public sealed class ContestInput
{
    [Required(ErrorMessage = "赛事名称不能为空"), StringLength(200, ErrorMessage = "赛事名称不能超过 200 个字符")] public string Name { get; set; } = "";
    [Range(2000, 2100, ErrorMessage = "年份须在 2000 到 2100 之间")] public int Year { get; set; } = DateTime.UtcNow.Year;
    [StringLength(4000, ErrorMessage = "简介不能超过 4000 个字符")] public string? Description { get; set; }
    [Required(ErrorMessage = "请填写报名开始时间")] public string RegistrationOpensAt { get; set; } = "";
    [Required(ErrorMessage = "请填写报名截止时间")] public string RegistrationClosesAt { get; set; } = "";
    [Required(ErrorMessage = "请填写团队名单锁定时间")] public string RosterLocksAt { get; set; } = "";
    [Range(1, 50, ErrorMessage = "团队最少人数须在 1 到 50 之间")] public int MinTeamSize { get; set; } = 1;
    [Range(1, 50, ErrorMessage = "团队最多人数须在 1 到 50 之间")] public int MaxTeamSize { get; set; } = 5;

    public static ContestInput From(Contest c) => new()
    {
        Name = c.Name, Year = c.Year, Description = c.Description,
        RegistrationOpensAt = ContestTime.ToInput(c.RegistrationOpensAt), RegistrationClosesAt = ContestTime.ToInput(c.RegistrationClosesAt),
        RosterLocksAt = ContestTime.ToInput(c.RosterLocksAt), MinTeamSize = c.MinTeamSize, MaxTeamSize = c.MaxTeamSize,
    };

    public bool TryApply(Contest contest, out string? error)
    {
        error = null;
        if (!ContestTime.TryParseInput(RegistrationOpensAt, out var opens) || !ContestTime.TryParseInput(RegistrationClosesAt, out var closes)
            || !ContestTime.TryParseInput(RosterLocksAt, out var locks))
        {
            error = ContestTime.FirstInputProblem(RegistrationOpensAt, RegistrationClosesAt, RosterLocksAt);
            return false;
        }
        contest.Name = Name.Trim();
        contest.Year = Year;
        contest.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        (contest.RegistrationOpensAt, contest.RegistrationClosesAt, contest.RosterLocksAt) = (opens, closes, locks);
        (contest.MinTeamSize, contest.MaxTeamSize) = (MinTeamSize, MaxTeamSize);
        return true;
    }
}
