using ContestSite.Core.Security;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;

namespace ContestSite.Web.Contests;

public sealed class ContestPermissions : IPermissionProvider
{
    public const string ManageContest = "contests.manage";
    public IEnumerable<Permission> Permissions => [new(ManageContest, "赛事", "设置赛事：报名时间、团队人数、赛道、轮次与评分标准")];
}

public sealed class ContestsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Admin, "赛事设置", "/admin/contest", ContestPermissions.ManageContest, 100),
    ];
}

public static class ContestsFeature
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        services.AddScoped<UseCases.SaveContestSettings>();
        services.AddScoped<UseCases.SaveTrack>();
        services.AddScoped<UseCases.DeleteTrack>();
        services.AddScoped<UseCases.SaveRound>();
        services.AddScoped<UseCases.SaveCriterion>();
        services.AddScoped<UseCases.DeleteCriterion>();
        services.AddPermissions<ContestPermissions>();
        services.AddNavigation<ContestsNavigation>();
        return services;
    }
}
