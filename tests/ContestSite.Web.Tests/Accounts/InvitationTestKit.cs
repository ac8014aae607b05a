using System.Net.Http.Headers;
using System.Text;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>Inviting through the admin's form, reading the mail, and the state a refused step must leave as it was.</summary>
public static class InvitationTestKit
{
    public const string InviteAction = "/admin/invitations?handler=Invite";

    /// <summary>Posts the invite form's address box as the organizer (or whoever <paramref name="client"/> is).</summary>
    public static Task<SiteClient.Page> InviteAsync(this SiteClient client, string role, string addresses, string formPage = "/admin/invitations", string returnUrl = "/admin/invitations") =>
        client.PostFormAsync(formPage, new Dictionary<string, string> { ["Form.Role"] = role, ["Form.Addresses"] = addresses, ["ReturnUrl"] = returnUrl }, InviteAction);

    /// <summary>Uploads <paramref name="csv"/> as the invite form's file.</summary>
    public static async Task<SiteClient.Page> InviteCsvAsync(this SiteClient client, string role, byte[] csv)
    {
        var token = (await client.GetAsync("/admin/invitations")).AntiforgeryToken!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(role), "Form.Role" },
            { new StringContent("/admin/invitations"), "ReturnUrl" },
        };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "invitees.csv");
        using var response = await client.Http.PostAsync(InviteAction, content);
        return await SiteClient.Page.ReadAsync(response);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static Task<MimeMessage> InvitationMailAsync(this SiteFactory site, string to) =>
        site.Smtp.WaitForAsync(to, m => (m.Subject ?? "").Contains("邀请您加入", StringComparison.Ordinal) || (m.Subject ?? "").Contains("invited", StringComparison.OrdinalIgnoreCase));

    /// <summary>The link of the newest invitation mail to <paramref name="to"/> (a resend sends a second one).</summary>
    public static async Task<string> InvitationLinkAsync(this SiteFactory site, string to, int mailNumber = 1)
    {
        MimeMessage? mail = null;
        await SiteBuilders.WaitUntilAsync(() =>
        {
            var mails = site.Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase))).ToList();
            if (mails.Count >= mailNumber) mail = mails[mailNumber - 1];
            if (mail is null) site.Clock.Advance(SiteFactory.OutboxPollInterval);
            return Task.FromResult(mail is not null);
        });
        return MailLinks.FirstLocalLink(mail!);
    }

    /// <summary>
    /// Everything an invitation step can change: the invitations (status, token hash, resends, expiry, accepting
    /// account), the accounts, their roles, the judge profiles, the invitation and account audit entries, the mail queued.
    /// </summary>
    public static Task<string> StateAsync(this SiteFactory site) => site.WithDbAsync(async db =>
    {
        var invitations = (await db.Invitations.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            .Select(i => $"{i.Id}|{i.Email}|{i.Role}|{i.Status}|{i.TokenHash}|{i.ResentCount}|{i.ExpiresAt.UtcTicks}|{i.AcceptedUserId}");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Email + "|" + u.IsDisabled + "|" + u.ConcurrencyStamp).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + "|" + r.RoleId).ToListAsync();
        var profiles = await db.JudgeProfiles.AsNoTracking().OrderBy(p => p.UserId).Select(p => p.UserId + "|" + p.Organization + "|" + p.ExpertiseTags).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().CountAsync(e => e.Action.StartsWith("account.invit"));
        var mail = await db.Outbox.AsNoTracking().CountAsync(m => m.Subject.Contains("邀请") || m.Subject.Contains("nvit"));
        return string.Join("\n", [.. invitations, "--", .. users, "--", .. roles, "--", .. profiles, "--", $"audit {audit}", $"mail {mail}"]);
    });

    public static Task<int> InvitationCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.Invitations.CountAsync());
}
