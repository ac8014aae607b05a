using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>The Chinese words for statuses and kinds, and the translation of the next step.</summary>
public static class TeamText
{
    public static string Status(TeamStatus status) => status switch
    {
        TeamStatus.Draft => "未提交",
        TeamStatus.Submitted => "待审核",
        TeamStatus.Approved => "已通过",
        TeamStatus.Rejected => "未通过",
        TeamStatus.Disqualified => "已取消资格",
        _ => "已退赛",
    };

    public static string Organization(OrganizationType type) => type switch
    {
        OrganizationType.School => "学校",
        OrganizationType.Company => "企业",
        OrganizationType.Institute => "科研院所",
        _ => "个人",
    };

    public static string Role(TeamRole role) => role == TeamRole.Captain ? "队长" : "队员";

    public static string Localize(this IStringLocalizer localizer, NextStep step) => localizer.Localize(step.Message, step.Arguments);
}
