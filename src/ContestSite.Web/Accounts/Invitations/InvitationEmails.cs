using ContestSite.Data.Accounts;
using ContestSite.Web.Email;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>
/// The invitation mail: who invites, to what, until when, and the link. Queued in the caller's transaction (saved
/// with the invitation and its audit entry). The link is in the mail only, never stored or logged.
/// </summary>
public sealed class InvitationEmails(EmailOutbox outbox, EmailTemplates templates)
{
    public void Invite(Invitation invitation, string culture, string? recipientName, string inviterName, string link)
    {
        var invitedTo = invitation.Role switch
        {
            Security.BuiltInRoles.Judge => ("{0} 邀请您担任浙江省数据开放创新应用大赛的评委。", new object[] { inviterName }),
            Security.BuiltInRoles.Organizer => ("{0} 邀请您作为组织者参与浙江省数据开放创新应用大赛平台的管理工作。", new object[] { inviterName }),
            _ => ("{0} 邀请您以“{1}”的身份加入浙江省数据开放创新应用大赛平台。", new object[] { inviterName, invitation.Role }),
        };
        outbox.Enqueue(templates.Build(culture, invitation.Email, recipientName ?? invitation.Name, "邀请您加入浙江省数据开放创新应用大赛平台",
        [
            invitedTo,
            ("请点击下面的链接接受邀请。没有账号的，设置昵称和密码即可；已有账号的，用本邮箱的账号登录后接受。", []),
            ("邀请有效期至 {0}（北京时间），链接只能使用一次。如果您不认识邀请人，请忽略此邮件。", [ContestTime.Display(invitation.ExpiresAt)]),
        ], ("接受邀请", link)));
    }
}
