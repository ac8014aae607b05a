using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Certificates.UseCases;

/// <summary>
/// Issues a certificate for every published award of a round that has none yet, copying the texts it shows (so it
/// reads the same whatever changes later). Called when a round's results become final; calling it again issues
/// only what is missing, and two calls at once cannot issue an award twice (its certificate is unique per award).
/// Offered to Judging, whose "finalise results" calls it.
/// </summary>
[ExtensionPoint]
public sealed class IssueCertificates(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<int> IssueAsync(Contest contest, Round round, CancellationToken cancellationToken = default)
    {
        var awards = await db.Awards.AsNoTracking()
            .Where(a => a.RoundId == round.Id && a.PublishedAt != null && !db.Certificates.Any(c => c.AwardId == a.Id))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (awards.Count == 0) return 0;

        var submissionIds = awards.Select(a => a.SubmissionId).Distinct().ToList();
        var titles = await db.Submissions.AsNoTracking().Where(s => submissionIds.Contains(s.Id))
            .Select(s => new { s.Id, Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault() })
            .ToDictionaryAsync(s => s.Id, s => s.Title ?? "", cancellationToken);
        var teamIds = awards.Select(a => a.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, Members = t.Members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).Select(m => m.RealName).ToList() })
            .ToDictionaryAsync(t => t.Id, cancellationToken);

        var issued = 0;
        foreach (var award in awards)
        {
            var team = teams[award.TeamId];
            var certificate = new Certificate
            {
                AwardId = award.Id, Code = CertificateCodes.New(), TeamId = award.TeamId,
                ContestName = Cut(contest.Name, 200), RoundName = Cut(round.Name, 100), TeamName = Cut(team.Name, 100),
                EntryTitle = Cut(titles.GetValueOrDefault(award.SubmissionId, ""), 200), AwardName = Cut(award.Name, 100),
                MemberNames = Cut(string.Join("、", team.Members), 1000), IssuedAt = clock.GetUtcNow(),
            };
            db.Certificates.Add(certificate);
            try
            {
                await audit.AppendAsync(() => new AuditEvent("certificate.issued", $"certificate:{certificate.Id}", "ok",
                    $"round={round.Id}; award={award.Id} {award.Name}") { TeamId = award.TeamId }, cancellationToken);
                issued++;
            }
            catch (DbUpdateException)
            {
                // Another call issued this award's certificate meanwhile (the unique award index refused the second).
                db.ChangeTracker.Clear();
            }
        }
        return issued;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
