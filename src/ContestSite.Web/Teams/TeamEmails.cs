using System.Globalization;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams;

/// <summary>
/// Team mail, queued in the outbox with the change that causes it. Team names go in as arguments, so the
/// templates encode them and a name with markup reads as text.
/// </summary>
public sealed class TeamEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates)
{
    /// <summary>
    /// An invitee who already has an account is greeted by their name, in their language; anyone else by the address,
    /// in the captain's language. The captain never sees the mail, so this tells them nothing about who is registered.
    /// </summary>
    public async Task EnqueueInvitationAsync(string email, Team team, string captainName, string link, DateTimeOffset expiresAt)
    {
        var normalized = email.ToUpperInvariant();
        var person = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.DisplayName, u.PreferredCulture }).FirstOrDefaultAsync();
        outbox.Enqueue(templates.Build(person?.PreferredCulture ?? CultureInfo.CurrentUICulture.Name, email,
            string.IsNullOrWhiteSpace(person?.DisplayName) ? null : person.DisplayName, "邀请您加入团队“{0}”",
            [("{0} 邀请您加入团队“{1}”，参加浙江省数据开放创新应用大赛。", [captainName, team.Name]),
             ("邀请码：{0}。请登录后点击下面的链接加入，链接在 {1}（北京时间）前有效。", [team.InviteCode!, ContestTime.Display(expiresAt)])],
            ("加入团队", link), team.Name));
    }

    /// <summary>Tells every member of the team the organizers' decision, each in their own language.</summary>
    public async Task EnqueueDecisionAsync(Team team, bool approved, string? reason)
    {
        var memberIds = team.Members.Select(m => m.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync();
        foreach (var person in people.Where(p => p.Email is not null))
        {
            var message = approved
                ? templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "团队“{0}”已通过审核",
                    [("您所在的团队“{0}”已通过组委会审核，请关注各轮次的作品提交时间。", [team.Name])], null, team.Name)
                : templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "团队“{0}”未通过审核",
                    [("您所在的团队“{0}”未通过组委会审核。", [team.Name]), ("原因：{0}", [reason ?? ""]),
                     ("请队长根据意见修改团队信息后在报名截止前重新提交。", [])], null, team.Name);
            outbox.Enqueue(message);
        }
    }
}
