using ContestSite.Core.Security;
using ContestSite.Web.Judging.Mail;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;

namespace ContestSite.Web.Judging;

[ExtensionPoint]
public sealed class JudgingPermissions : IPermissionProvider
{
    public const string Manage = "judging.manage";
    public const string Review = "judging.review";
    public const string ViewResults = "judging.results.view";
    public IEnumerable<Permission> Permissions =>
    [
        new(Manage, "评审", "管理评审：分配评委、查看全部评分与排名、晋级、设奖与发布结果"),
        new(Review, "评审", "担任评委：声明利益冲突，为分配给自己的作品打分"),
        new(ViewResults, "评审", "查看已发布的获奖名单") { HeldByThePublic = true },
    ];
}

public sealed class JudgingNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "评审", "/judging", JudgingPermissions.Review, 300),
        new(NavMenu.Main, "评审结果", "/results", JudgingPermissions.ViewResults, 400),
        new(NavMenu.Admin, "评审管理", "/admin/judging", JudgingPermissions.Manage, 300),
    ];
}

public static class JudgingFeature
{
    public static IServiceCollection AddJudging(this IServiceCollection services)
    {
        services.AddScoped<JudgePool>();
        services.AddScoped<ContestSite.Web.Home.ICallToActionProvider, JudgingCallsToAction>();
        services.AddScoped<ContestSite.Web.Admin.IOrganizerTaskSource, JudgingTasks>();
        services.AddScoped<JudgeAccess>();
        services.AddScoped<EntryReaders>();
        services.AddScoped<JudgeProgress>();
        services.AddScoped<ContestSite.Web.Judging.Discussion.DiscussionThreads>();
        services.AddScoped<ContestSite.Web.Judging.Discussion.DiscussionMail>();
        services.AddScoped<ContestSite.Web.Judging.Discussion.OpenDiscussion>();
        services.AddScoped<ContestSite.Web.Judging.Discussion.PostComment>();
        services.AddScoped<RoundStates>();
        services.AddScoped<AutoAssign>();
        services.AddScoped<ChangeAssignment>();
        services.AddScoped<AssignmentCsv>();
        services.AddScoped<WithdrawJudge>();
        services.AddScoped<DeclareConflict>();
        services.AddScoped<DecideConflict>();
        services.AddScoped<RaiseConflict>();
        services.AddScoped<ConflictRequests>();
        services.AddScoped<ExcludedScores>();
        services.AddScoped<ReopenReview>();
        services.AddScoped<SaveJudgeProfile>();
        services.AddScoped<SaveReview>();
        services.AddScoped<RoundResults>();
        services.AddScoped<AdvanceEntries>();
        services.AddScoped<NotifyAdvancement>();
        services.AddScoped<ManageAwards>();
        services.AddScoped<PublishResults>();
        services.AddScoped<ReviewWindow>();
        services.AddScoped<ResultObjections>();
        services.AddScoped<ScoreExport>();
        services.AddScoped<SaveJudgingSettings>();
        services.AddScoped<AssignmentMail>();
        services.AddScoped<JudgeDeadlineMail>();
        services.AddOptions<JudgeMailOptions>().BindConfiguration(JudgeMailOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<JudgeMailOptions>, JudgeMailOptionsValidator>();
        services.AddSingleton<JudgeMailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<JudgeMailJob>());
        services.AddPermissions<JudgingPermissions>();
        services.AddNavigation<JudgingNavigation>();
        return services;
    }

    public static IEndpointRouteBuilder MapJudging(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapJudgeFiles();
        endpoints.MapProposalViewer();
        endpoints.MapJudgingExports();
        endpoints.MapObjectionFiles();
        return endpoints;
    }
}
