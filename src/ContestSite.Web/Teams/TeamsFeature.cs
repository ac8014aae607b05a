using ContestSite.Core.Security;
using ContestSite.Web.Home;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;

namespace ContestSite.Web.Teams;

public sealed class TeamPermissions : IPermissionProvider
{
    public const string Participate = "teams.participate";
    public const string ManageTeams = "teams.manage";
    public IEnumerable<Permission> Permissions =>
    [
        new(Participate, "团队", "组队参赛：创建团队、加入团队、管理自己的团队") { HeldByThePublic = true },
        new(ManageTeams, "团队", "管理所有团队：审核、取消资格、调整成员、导出名单"),
    ];
}

public sealed class TeamsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "我的团队", "/teams/mine", TeamPermissions.Participate, 200),
        new(NavMenu.Admin, "团队", "/admin/teams", TeamPermissions.ManageTeams, 200),
    ];
}

public static class TeamsFeature
{
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddScoped<TeamWriter>();
        services.AddScoped<ICallToActionProvider, TeamCallsToAction>();
        services.AddScoped<ContestSite.Web.Admin.IOrganizerTaskSource, TeamTasks>();
        services.AddScoped<TeamEmails>();
        services.AddScoped<CreateTeam>();
        services.AddScoped<EditTeam>();
        services.AddScoped<JoinTeam>();
        services.AddScoped<RequestToJoin>();
        services.AddScoped<AnswerJoinRequest>();
        services.AddScoped<ManageInviteCode>();
        services.AddScoped<InviteByEmail>();
        services.AddScoped<RemoveMember>();
        services.AddScoped<LeaveTeam>();
        services.AddScoped<HandOverCaptaincy>();
        services.AddScoped<SubmitTeam>();
        services.AddScoped<WithdrawTeam>();
        services.AddScoped<DecideTeam>();
        services.AddScoped<DisqualifyTeam>();
        services.AddScoped<MoveMember>();
        services.AddScoped<TeamExport>();
        services.AddScoped<ContestSite.Web.Setup.IRecipeStep, TeamsRecipeStep>();
        services.AddPermissions<TeamPermissions>();
        services.AddNavigation<TeamsNavigation>();
        return services;
    }
}
