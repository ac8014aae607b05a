using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Certificates.UseCases;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Publishes a round's results as a stored snapshot: provisional first (公示, objections taken), corrected by a new
/// version with its reason, then final. Every step locks the round and decides on what it reads under the lock, so two
/// organizers acting at the same moment, or a publication racing a reopening of review, end in one consistent state.
/// </summary>
public sealed class PublishResults(ContestDbContext db, RoundResults results, RoundStates states, IAuditLog audit,
    EmailOutbox outbox, EmailTemplates templates, PublicUrls urls, IssueCertificates certificates, NotifyAdvancement advancement,
    TimeProvider clock, ILogger<PublishResults> logger)
{
    public const int MaxReasonLength = 1000;

    /// <summary>Publishes the provisional results, or (during 公示, with a reason) a corrected version of them.</summary>
    public async Task<RuleResult> ProvisionalAsync(Contest contest, int roundId, string userId, string? correctionReason, CancellationToken cancellationToken = default)
    {
        var reason = string.IsNullOrWhiteSpace(correctionReason) ? null : correctionReason.Trim();
        if (reason?.Length > MaxReasonLength) return RuleResult.Refuse("原因最多 {0} 个字", MaxReasonLength);
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var (round, current) = await states.LockAsync(roundId, cancellationToken);
                var now = clock.GetUtcNow();
                var phase = RoundLifecycle.PhaseOf(round, current?.Status, now);
                if (phase == RoundPhase.Final) return RuleResult.Refuse("本轮结果已确定，不能再更改");
                if (phase == RoundPhase.Provisional && reason is null) return RuleResult.Refuse("结果正在公示：发布更正须填写更正原因");
                if (phase != RoundPhase.Provisional && reason is not null) return RuleResult.Refuse("本轮没有正在公示的结果，无需更正");
                if (phase != RoundPhase.Provisional && phase != RoundPhase.ReviewClosed)
                    return RuleResult.Refuse("评审尚未截止（截止时间 {0}），不能发布结果：请先截止评审", round.ReviewClosesAt);
                if (await UnsettledAsync(round, now, cancellationToken) is { } unsettled) return unsettled;

                var snapshot = await SnapshotAsync(contest, round, cancellationToken);
                var changes = current is null ? [] : ResultsChanges.Between(current.Snapshot(), snapshot);
                if (current is not null && changes.Count == 0) return RuleResult.Refuse("结果没有任何变化，无需发布更正");
                var days = (await results.SettingsAsync(round.Id, cancellationToken)).ObjectionDays;
                var version = (await db.ResultsPublications.Where(p => p.RoundId == round.Id).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0) + 1;
                if (current is not null)
                    await db.ResultsPublications.Where(p => p.Id == current.Id && p.Status == ResultsStatus.Provisional).ExecuteUpdateAsync(s => s
                        .SetProperty(p => p.Status, ResultsStatus.Superseded).SetProperty(p => p.EndedAt, now).SetProperty(p => p.EndedReason, reason), cancellationToken);
                var publication = new ResultsPublication
                {
                    RoundId = round.Id, Version = version, PublishedAt = now, PublishedByUserId = userId,
                    // A correction keeps the period the first publication announced: the public date does not move.
                    ObjectionsCloseAt = current?.ObjectionsCloseAt ?? now.AddDays(days),
                    CorrectionReason = reason, ChangeSummary = changes.Count == 0 ? null : Truncate(string.Join("\n", changes), 4000),
                    SnapshotJson = snapshot.ToJson(),
                };
                db.ResultsPublications.Add(publication);
                var awards = await db.Awards.Where(a => a.RoundId == round.Id && a.PublishedAt == null).ToListAsync(cancellationToken);
                foreach (var award in awards) award.PublishedAt = now;
                await EnqueuePublishedMailAsync(round, snapshot, publication, cancellationToken);
                await audit.AppendAsync(new AuditEvent(current is null ? "judging.results-published" : "judging.results-corrected", $"round:{round.Id}", "ok",
                    $"version={version}; entries={snapshot.Lines.Count}; objections until {publication.ObjectionsCloseAt:O}" + (reason is null ? "" : $"; reason={reason}; changes={publication.ChangeSummary}")), cancellationToken);
                foreach (var award in awards)
                    await audit.AppendAsync(new AuditEvent("judging.award-published", $"submission:{award.SubmissionId}", "ok", $"award={award.Name}") { TeamId = award.TeamId }, cancellationToken);
                return RuleResult.Ok;
            }, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // The unique version per round: another organizer published this round's results at the same moment.
            logger.LogInformation(ex, "Results of round {Round} were published by someone else at the same moment", roundId);
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("结果刚刚已由其他组织者发布，请刷新页面后查看");
        }
    }

    /// <summary>
    /// Makes the provisional results final, once the 公示 period has ended with every objection answered; in the same
    /// transaction the award winners get their certificates and mail, and every team hears whether it advanced.
    /// </summary>
    public async Task<RuleResult> FinaliseAsync(Contest contest, int roundId, string userId, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var (round, current) = await states.LockAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            if (current?.Status == ResultsStatus.Final) return RuleResult.Refuse("本轮结果已确定，不能再更改");
            if (current is null) return RuleResult.Refuse("本轮结果尚未公示，不能确定");
            if (now < current.ObjectionsCloseAt) return RuleResult.Refuse("公示期至 {0} 结束，结束后才能确定结果", current.ObjectionsCloseAt);
            var open = await db.Objections.CountAsync(o => o.RoundId == round.Id && o.Status == ObjectionStatus.Open, cancellationToken);
            if (open > 0) return RuleResult.Refuse("还有 {0} 条异议尚未答复，答复后才能确定结果", open);
            if (await UnsettledAsync(round, now, cancellationToken) is { } unsettled) return unsettled;
            var changed = await db.ResultsPublications.Where(p => p.Id == current.Id && p.Status == ResultsStatus.Provisional)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ResultsStatus.Final).SetProperty(p => p.FinalisedAt, now).SetProperty(p => p.FinalisedByUserId, userId), cancellationToken);
            if (changed == 0) return RuleResult.Refuse("结果刚刚已被其他组织者更改，请刷新页面后查看");
            await audit.AppendAsync(new AuditEvent("judging.results-finalised", $"round:{round.Id}", "ok", $"version={current.Version}"), cancellationToken);
            await certificates.IssueAsync(contest, round, cancellationToken);
            await EnqueueWinnersMailAsync(round, current.Snapshot(), cancellationToken);
            await advancement.EnqueueAsync(contest, round, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);

    /// <summary>Takes published provisional results back (review was reopened): withdrawn, the awards unpublished. The caller holds the round's lock.</summary>
    public async Task WithdrawAsync(ResultsPublication current, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.ResultsPublications.Where(p => p.Id == current.Id && p.Status == ResultsStatus.Provisional).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, ResultsStatus.Withdrawn).SetProperty(p => p.EndedAt, now).SetProperty(p => p.EndedReason, reason), cancellationToken);
        await db.Awards.Where(a => a.RoundId == current.RoundId && a.PublishedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, (DateTimeOffset?)null), cancellationToken);
        await audit.AppendAsync(new AuditEvent("judging.results-withdrawn", $"round:{current.RoundId}", "ok", $"version={current.Version}; reason={reason}"), cancellationToken);
    }

    /// <summary>What must be settled before results can be published or finalised: conflict requests, entries reopened for review.</summary>
    private async Task<RuleResult?> UnsettledAsync(Round round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = await db.ConflictDeclarations.CountAsync(c => c.Status == ConflictStatus.Requested
            && db.Assignments.Any(a => a.RoundId == round.Id && a.SubmissionId == c.SubmissionId && a.JudgeUserId == c.JudgeUserId), cancellationToken);
        if (requests > 0) return RuleResult.Refuse("还有 {0} 个利益冲突申请待处理，处理后才能发布或确定结果", requests);
        var reopened = await db.ReviewReopenings.Where(r => r.RoundId == round.Id && r.ClosesAt > now).Select(r => r.SubmissionId).FirstOrDefaultAsync(cancellationToken);
        if (reopened != 0) return RuleResult.Refuse("作品 {0} 的评审已重新开放，尚未结束", reopened);
        return null;
    }

    private async Task<ResultsSnapshot> SnapshotAsync(Contest contest, Round round, CancellationToken cancellationToken)
    {
        var report = await results.ReportAsync(round, cancellationToken);
        var tracks = contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var criteria = round.Criteria.OrderBy(c => c.SortOrder).ToList();
        var lines = report.Rows.Select(row => new ResultLine(
            row.EntryId, row.TeamId, row.TeamName, row.Title, row.TrackId, tracks.GetValueOrDefault(row.TrackId, ""),
            row.Outcome.RawMean is null ? null : row.Outcome.Ranked.Rank,
            Round2(row.Outcome.RawMean), Round2(row.Outcome.NormalisedMean), row.Outcome.Judges.Count, row.Advanced,
            row.Awards.OrderBy(a => a.Level).ThenBy(a => a.Id).Select(a => new ResultAward(a.Id, a.Level, a.Name)).ToList(),
            criteria.Where(c => row.Outcome.Ranked.Entry.CriterionMeans.ContainsKey(c.Id))
                .Select(c => new ResultCriterion(c.Id, c.Name, Math.Round(row.Outcome.Ranked.Entry.CriterionMeans[c.Id], 4))).ToList()))
            .OrderBy(l => l.TrackId).ThenBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.EntryId).ToList();
        return new ResultsSnapshot(round.Name, lines);
    }

    private static double? Round2(double? value) => value is { } v ? Math.Round(v, 2) : null;
    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record Member(int TeamId, string Email, string? DisplayName, string PreferredCulture);

    /// <summary>The members with a mail address of the teams of these lines.</summary>
    private async Task<List<Member>> MembersAsync(IEnumerable<ResultLine> lines, CancellationToken cancellationToken)
    {
        var teamIds = lines.Select(l => l.TeamId).Distinct().ToList();
        return await db.TeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId))
            .Join(db.Users.Where(u => u.Email != null), m => m.UserId, u => u.Id, (m, u) => new Member(m.TeamId, u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The members of every awarded team hear that the award is final and where its certificate is.</summary>
    private async Task EnqueueWinnersMailAsync(Round round, ResultsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var winners = snapshot.Lines.Where(l => l.Awards.Count > 0).ToList();
        var members = await MembersAsync(winners, cancellationToken);
        foreach (var line in winners)
            foreach (var member in members.Where(m => m.TeamId == line.TeamId))
                outbox.Enqueue(templates.Build(member.PreferredCulture, member.Email, member.DisplayName, "团队“{0}”获奖通知",
                    [("恭喜！{0}结果已确定，您所在的团队“{1}”的作品“{2}”获得：{3}。", [round.Name, line.TeamName, line.Title, string.Join("、", line.Awards.Select(a => a.Name))]),
                     ("获奖证书可在团队页面下载，证书上的验证码可供任何人核验。", [])],
                    ("下载获奖证书", urls.BaseUrl + $"/teams/{line.TeamId}"), line.TeamName));
    }

    /// <summary>Every member of every team in the results hears its outcome and until when objections are taken.</summary>
    private async Task EnqueuePublishedMailAsync(Round round, ResultsSnapshot snapshot, ResultsPublication publication, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(snapshot.Lines, cancellationToken);
        var corrected = publication.CorrectionReason is not null;
        foreach (var line in snapshot.Lines)
        {
            var awards = string.Join("、", line.Awards.Select(a => a.Name));
            foreach (var member in members.Where(m => m.TeamId == line.TeamId))
            {
                List<(string, object[])> paragraphs =
                [
                    (corrected ? "{0}的公示结果已更正，原因：{1}" : "{0}的结果已公示。", corrected ? [round.Name, publication.CorrectionReason!] : [round.Name]),
                    ("您的团队“{0}”的作品“{1}”：{2}赛道第 {3} 名。", [line.TeamName, line.Title, line.TrackName, line.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"]),
                ];
                if (line.Advanced) paragraphs.Add(("拟晋级下一轮。", []));
                if (awards.Length > 0) paragraphs.Add(("拟获奖项：{0}。", [awards]));
                paragraphs.Add(("公示期至 {0}。如有异议，请在公示期内登录大赛网站提出。", [publication.ObjectionsCloseAt]));
                outbox.Enqueue(templates.Build(member.PreferredCulture, member.Email, member.DisplayName,
                    corrected ? "{0}结果更正公示" : "{0}结果公示", paragraphs, ("查看结果", urls.BaseUrl + "/results"), round.Name));
            }
        }
    }
}
