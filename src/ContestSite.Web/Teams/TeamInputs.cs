using System.ComponentModel.DataAnnotations;
using ContestSite.Core.Teams;

namespace ContestSite.Web.Teams;

/// <summary>The team fields of the create and edit forms; nothing else (status, captain, id) can be posted.</summary>
public sealed class TeamDetailsInput
{
    [Required(ErrorMessage = "请填写团队名称")]
    [StringLength(TeamNames.MaxLength, ErrorMessage = "团队名称不能超过 40 个字符")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "请选择赛道")]
    public int? TrackId { get; set; }

    [StringLength(500, ErrorMessage = "团队简介不能超过 500 个字符")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "请选择单位类型")]
    public OrganizationType? OrganizationType { get; set; }

    [Required(ErrorMessage = "请填写单位名称")]
    [StringLength(100, ErrorMessage = "单位名称不能超过 100 个字符")]
    public string OrganizationName { get; set; } = "";

    public static TeamDetailsInput From(Team team) => new()
    {
        Name = team.Name, TrackId = team.TrackId, Description = team.Description,
        OrganizationType = team.OrganizationType, OrganizationName = team.OrganizationName,
    };
}

/// <summary>The minimum a member tells the contest: real name, mobile phone, organization. Nothing more is asked.</summary>
public sealed class MemberDetailsInput
{
    [Required(ErrorMessage = "请填写真实姓名")]
    [StringLength(32, ErrorMessage = "姓名不能超过 32 个字符")]
    public string RealName { get; set; } = "";

    [Required(ErrorMessage = "请填写手机号码")]
    [RegularExpression(@"^\s*1[3-9]\d{9}\s*$", ErrorMessage = "手机号码应为以 1 开头的 11 位数字")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "请填写所在单位")]
    [StringLength(100, ErrorMessage = "所在单位不能超过 100 个字符")]
    public string Organization { get; set; } = "";

    public TeamMember ToMember(Team team, string userId, TeamRole role, DateTimeOffset now) => new()
    {
        TeamId = team.Id, ContestId = team.ContestId, UserId = userId, Role = role, JoinedAt = now,
        RealName = RealName.Trim(), Phone = Phone.Trim(), Organization = Organization.Trim(),
    };
}
