using ContestSite.Data.Accounts;
using ContestSite.Web.Email;

namespace ContestSite.Web.Accounts;

/// <summary>The account mails: confirmation, password reset, email change, a registration with a taken address. Links are absolute to this site.</summary>
public sealed class AccountEmails(EmailOutbox outbox, EmailTemplates templates)
{
    public Task ConfirmRegistrationAsync(SiteUser user, string link) => outbox.SendAsync(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "请确认您的邮箱", [("感谢您注册浙江省数据开放创新应用大赛平台。请点击下面的链接确认邮箱，链接 24 小时内有效。", [])], ("确认邮箱", link)));

    public Task ResetPasswordAsync(SiteUser user, string link) => outbox.SendAsync(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "重置密码", [("我们收到了重置您账号密码的请求。如果不是您本人操作，请忽略此邮件。", []), ("链接 24 小时内有效，只能使用一次。", [])], ("设置新密码", link)));

    public Task ConfirmEmailChangeAsync(SiteUser user, string newEmail, string link) => outbox.SendAsync(templates.Build(user.PreferredCulture, newEmail, user.DisplayName,
        "请确认您的新邮箱", [("您申请将账号邮箱更改为 {0}。点击下面的链接后更改生效。", [newEmail])], ("确认新邮箱", link)));

    /// <summary>Registering an address that has an account answers like any registration; only the owner learns of it, here.</summary>
    public Task RegistrationAttemptAsync(SiteUser user, string signInLink, string resetLink) => outbox.SendAsync(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "有人尝试用您的邮箱注册", [("有人（可能是您本人）尝试用此邮箱在浙江省数据开放创新应用大赛平台注册新账号。此邮箱已有账号，因此没有创建新账号，您的账号也没有任何改变。", []),
            ("如果是您本人，请直接登录；如果忘记了密码，可以在这里重置：{0}", [resetLink]), ("如果不是您本人操作，请忽略此邮件。", [])], ("登录", signInLink)));

    // The second-factor mails are queued, not saved: they are saved with the change's audit entry, in its transaction.
    public void AuthenticatorEnabled(SiteUser user) => outbox.Enqueue(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "您的账号已启用两步验证", [("您的账号已启用两步验证：登录时除密码外，还需要输入身份验证器应用中的验证码。", []),
            ("请妥善保管恢复码。如果不是您本人操作，请立即联系组委会。", [])]));

    public void AuthenticatorDisabled(SiteUser user) => outbox.Enqueue(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "您的账号已关闭两步验证", [("您的账号已关闭两步验证，登录时只需要密码。原来的密钥和恢复码已失效。", []),
            ("如果不是您本人操作，请立即修改密码并联系组委会。", [])]));

    public void AuthenticatorReset(SiteUser user) => outbox.Enqueue(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "您的身份验证器已被重置", [("组委会的管理员重置了您账号的身份验证器：原来的密钥、恢复码和记住的设备都已失效，您在所有设备上的登录均已退出。", []),
            ("组织者和评委下次登录后需要重新设置身份验证器。如果您没有申请重置，请立即联系组委会。", [])]));

    public void RecoveryCodeUsed(SiteUser user, int left) => outbox.Enqueue(templates.Build(user.PreferredCulture, user.Email!, user.DisplayName,
        "有人用恢复码登录了您的账号", [("您的账号刚刚用一个恢复码登录，该恢复码已失效，还剩 {0} 个。", [left]),
            ("如果不是您本人操作，请立即修改密码并联系组委会重置身份验证器。", [])]));
}
