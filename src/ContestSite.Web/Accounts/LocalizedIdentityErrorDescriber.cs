using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts;

/// <summary>Identity's messages in the visitor's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizerFactory localizers) : IdentityErrorDescriber
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(LocalizedIdentityErrorDescriber));

    private IdentityError Error(string code, string text, params object[] args) => new() { Code = code, Description = _t[text, args] };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "邮箱 {0} 已被注册。如果这是您的邮箱，请直接登录或找回密码。", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail), "邮箱 {0} 已被注册。如果这是您的邮箱，请直接登录或找回密码。", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "邮箱地址 {0} 格式不正确。", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "邮箱地址 {0} 格式不正确。", userName ?? "");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "链接无效或已过期，请重新申请。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "密码至少需要 {0} 个字符。", length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码至少需要包含一个数字。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "密码至少需要包含 {0} 个不同的字符。", uniqueChars);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码至少需要包含一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码至少需要包含一个大写字母。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码至少需要包含一个符号。");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账号已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账号未启用锁定。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "角色 {0} 已存在。", role);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "角色名称 {0} 无效。", role ?? "");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "用户已属于角色 {0}。", role);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "用户不属于角色 {0}。", role);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试。");
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请重试。");
}
