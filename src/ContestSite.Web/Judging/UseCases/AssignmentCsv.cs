using System.Globalization;
using System.Text;
using ContestSite.Core.Catalog.Import;
using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Text;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Exports;
using ContestSite.Web.Judging.Mail;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Assignments as CSV: the export lists entry, title and judge; the import reads the columns
/// submission_id and judge_email, checks every line first, and adds all of them or none.
/// </summary>
public sealed class AssignmentCsv(ContestDbContext db, JudgePool pool, ChangeAssignment change, AssignmentMail mail, IAuditLog audit, TimeProvider clock)
{
    public const int MaxLines = 20_000;

    /// <summary>The assignments in the same columns the import reads, so an edited export can be imported again.</summary>
    public async Task<ExportTable> ExportAsync(Round round, CancellationToken cancellationToken = default)
    {
        var judges = (await pool.JudgesAsync(cancellationToken)).ToDictionary(j => j.UserId);
        var rows = await db.Assignments.AsNoTracking().Where(a => a.RoundId == round.Id)
            .Select(a => new
            {
                a.SubmissionId, a.JudgeUserId, Status = a.Review == null ? (ReviewStatus?)null : a.Review.Status,
                Title = db.SubmissionVersions.Where(v => v.SubmissionId == a.SubmissionId).OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
            })
            .OrderBy(a => a.SubmissionId).ThenBy(a => a.JudgeUserId).ToListAsync(cancellationToken);
        var cells = rows.Select(row =>
        {
            var judge = judges.GetValueOrDefault(row.JudgeUserId);
            return new string?[] { row.SubmissionId.ToString(CultureInfo.InvariantCulture), row.Title ?? "", judge?.Email ?? row.JudgeUserId, judge?.Name ?? "", row.Status?.ToString() ?? "" };
        });
        return new ExportTable("assignments", ["submission_id", "title", "judge_email", "judge_name", "review_status"], cells.ToAsyncEnumerable());
    }

    public async Task<(RuleResult Result, int Added)> ImportAsync(Round round, Stream csv, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new CsvReader(reader).ReadRecords().Take(MaxLines + 2).ToList();
        if (records.Count == 0) return (RuleResult.Refuse("文件是空的"), 0);
        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var idColumn = header.IndexOf("submission_id");
        var emailColumn = header.IndexOf("judge_email");
        if (idColumn < 0 || emailColumn < 0) return (RuleResult.Refuse("表头须包含 submission_id 和 judge_email 两列"), 0);
        if (records.Count > MaxLines + 1) return (RuleResult.Refuse("一次最多导入 {0} 行", MaxLines), 0);

        var judges = await pool.JudgesAsync(cancellationToken);
        var byEmail = judges.GroupBy(j => j.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var pairs = new HashSet<(string, int)>();
        foreach (var record in records.Skip(1))
        {
            string Field(int i) => i < record.Fields.Count ? record.Fields[i].Trim() : "";
            if (record.Error is not null || !int.TryParse(Field(idColumn), NumberStyles.None, CultureInfo.InvariantCulture, out var submissionId))
                return (RuleResult.Refuse("第 {0} 行：作品编号无效", record.Line), 0);
            var judge = byEmail.GetValueOrDefault(Field(emailColumn));
            var refusal = await change.CheckAsync(round, submissionId, judge, judges, cancellationToken);
            if (refusal is not null) return (RuleResult.Refuse("第 {0} 行：{1}", record.Line, new LocalText(refusal.Message!, refusal.Arguments)), 0);
            if (!pairs.Add((judge!.UserId, submissionId))) return (RuleResult.Refuse("第 {0} 行与前面的行重复", record.Line), 0);
        }
        var now = clock.GetUtcNow();
        db.Assignments.AddRange(pairs.Select(p => new Assignment { RoundId = round.Id, SubmissionId = p.Item2, JudgeUserId = p.Item1, AssignedAt = now }));
        await mail.EnqueueAsync(round, pairs.Select(p => p.Item1), cancellationToken);
        await audit.AppendAsync(() => new AuditEvent("judging.assignments-imported", $"round:{round.Id}", "ok", $"added={pairs.Count}"), cancellationToken);
        return (RuleResult.Ok, pairs.Count);
    }
}
