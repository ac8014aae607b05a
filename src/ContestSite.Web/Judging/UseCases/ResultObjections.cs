using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Files;
using ContestSite.Web.Hosting;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>An objection as the form sends it; the attachment is optional.</summary>
public sealed record ObjectionInput(int SubmissionId, string? Reason, Stream? Attachment, string? AttachmentName);

/// <summary>
/// Objections (异议) during 公示: a member of a team in the round's results raises one on an entry of the results,
/// with an optional PDF or image; an organizer answers each once, publicly (shown with the results) or to the team.
/// Provisional results cannot be finalised while one is open.
/// </summary>
public sealed class ResultObjections(ContestDbContext db, RoundStates states, FileChecker checker, IFileStore store, IAuditLog audit,
    EmailOutbox outbox, EmailTemplates templates, PublicUrls urls, TimeProvider clock)
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 2000;
    public const int MaxAnswerLength = 4000;
    public const int MaxOpenPerTeam = 10;
    public const long MaxAttachmentBytes = 10L << 20;

    public async Task<(RuleResult Result, int Id)> RaiseAsync(int roundId, string userId, ObjectionInput input, CancellationToken cancellationToken = default)
    {
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length < MinReasonLength) return (RuleResult.Refuse("请写明异议的理由（至少 {0} 个字）", MinReasonLength), 0);
        if (reason.Length > MaxReasonLength) return (RuleResult.Refuse("异议理由最多 {0} 个字", MaxReasonLength), 0);
        var (stored, attachmentRefusal, contentType) = await StoreAttachmentAsync(input.Attachment, cancellationToken);
        if (attachmentRefusal is not null) return (attachmentRefusal, 0);
        return await db.InTransactionAsync(async () =>
        {
            var (_, current) = await states.LockAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            if (current is null) return (RuleResult.Refuse("本轮结果尚未公示"), 0);
            if (current.Status == ResultsStatus.Final) return (RuleResult.Refuse("本轮结果已确定，不能再提出异议"), 0);
            if (now >= current.ObjectionsCloseAt) return (RuleResult.Refuse("公示期已于 {0} 结束，不能再提出异议", current.ObjectionsCloseAt), 0);
            var lines = current.Snapshot().Lines;
            var myTeams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken);
            var team = lines.Select(l => l.TeamId).FirstOrDefault(myTeams.Contains);
            if (team == 0) return (RuleResult.Refuse("只有参加本轮评审的团队成员可以提出异议"), 0);
            if (lines.All(l => l.EntryId != input.SubmissionId)) return (RuleResult.Refuse("请选择本轮结果中的作品"), 0);
            if (await db.Objections.CountAsync(o => o.RoundId == roundId && o.TeamId == team && o.Status == ObjectionStatus.Open, cancellationToken) >= MaxOpenPerTeam)
                return (RuleResult.Refuse("每个团队最多同时有 {0} 条待答复的异议", MaxOpenPerTeam), 0);
            var objection = new Objection
            {
                RoundId = roundId, PublicationId = current.Id, SubmissionId = input.SubmissionId, TeamId = team, RaisedByUserId = userId,
                Reason = reason, RaisedAt = now,
                AttachmentFileName = stored is null ? null : FileNames.Clean(input.AttachmentName ?? "attachment"),
                AttachmentContentType = contentType, AttachmentStorageKey = stored?.Key, AttachmentLength = stored?.Size,
            };
            db.Objections.Add(objection);
            await audit.AppendAsync(() => new AuditEvent("judging.objection-raised", $"submission:{input.SubmissionId}", "ok",
                $"objection={objection.Id}; round={roundId}; version={current.Version}" + (stored is null ? "" : $"; attachment sha256 {stored.Sha256}")) { TeamId = team }, cancellationToken);
            return (RuleResult.Ok, objection.Id);
        }, cancellationToken);
    }

    public async Task<RuleResult> AnswerAsync(int roundId, int objectionId, string userId, string? answer, bool isPublic, CancellationToken cancellationToken = default)
    {
        var text = answer?.Trim() ?? "";
        if (text.Length == 0) return RuleResult.Refuse("请填写答复");
        if (text.Length > MaxAnswerLength) return RuleResult.Refuse("答复最多 {0} 个字", MaxAnswerLength);
        return await db.InTransactionAsync(async () =>
        {
            var (_, current) = await states.LockAsync(roundId, cancellationToken);
            if (current?.Status == ResultsStatus.Final) return RuleResult.Refuse("本轮结果已确定，不能再更改");
            var objection = await db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId && o.RoundId == roundId, cancellationToken);
            if (objection is null) return RuleResult.Refuse("异议不存在");
            var now = clock.GetUtcNow();
            var answered = await db.Objections.Where(o => o.Id == objectionId && o.Status == ObjectionStatus.Open).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, ObjectionStatus.Answered).SetProperty(o => o.Answer, text).SetProperty(o => o.AnswerIsPublic, isPublic)
                .SetProperty(o => o.AnsweredAt, now).SetProperty(o => o.AnsweredByUserId, userId).SetProperty(o => o.Concurrency, o => o.Concurrency + 1), cancellationToken);
            if (answered == 0) return RuleResult.Refuse("该异议已经答复过了");
            var raiser = await db.Users.AsNoTracking().Where(u => u.Id == objection.RaisedByUserId && u.Email != null)
                .Select(u => new { Email = u.Email!, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(cancellationToken);
            if (raiser is not null)
                outbox.Enqueue(templates.Build(raiser.PreferredCulture, raiser.Email, raiser.DisplayName, "您提出的异议已答复",
                    [("您对评审结果提出的异议已有答复：", []), ("{0}", [text]), (isPublic ? "该答复已随评审结果公开。" : "该答复仅对您的团队可见。", [])],
                    ("查看", urls.BaseUrl + $"/results/rounds/{roundId}/objections")));
            await audit.AppendAsync(new AuditEvent("judging.objection-answered", $"submission:{objection.SubmissionId}", "ok",
                $"objection={objectionId}; public={isPublic}") { TeamId = objection.TeamId }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }

    /// <summary>A PDF or an image, checked by content like an entry's files, kept in the file store.</summary>
    private async Task<(StoredFile? Stored, RuleResult? Refusal, string? ContentType)> StoreAttachmentAsync(Stream? attachment, CancellationToken cancellationToken)
    {
        if (attachment is null) return (null, null, null);
        await using var temporary = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await attachment.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxAttachmentBytes) return (null, RuleResult.Refuse("附件不能超过 {0} MB", MaxAttachmentBytes >> 20), null);
            await temporary.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (total == 0) return (null, null, null);
        temporary.Position = 0;
        var detected = await ContentSniffer.SniffAsync(temporary, cancellationToken);
        var kind = detected == DetectedFileType.Pdf ? SubmissionFileKind.Proposal : SubmissionFileKind.Screenshot;
        var check = await checker.CheckAsync(kind, temporary, cancellationToken);
        if (!check.IsAccepted) return (null, RuleResult.Refuse("附件须是 PDF 或 PNG、JPEG、WebP 图片：{0}", new LocalText(check.Reason!.Message!, check.Reason.Arguments)), null);
        temporary.Position = 0;
        return (await store.SaveAsync(temporary, MaxAttachmentBytes, cancellationToken), null, check.ContentType);
    }
}
