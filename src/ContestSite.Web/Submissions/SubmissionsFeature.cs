using ContestSite.Core.Security;
using ContestSite.Web.Files;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using ContestSite.Web.Submissions.Uploads;

namespace ContestSite.Web.Submissions;

public sealed class SubmissionPermissions : IPermissionProvider
{
    public const string Submit = "submissions.submit";
    public const string Review = "submissions.review";
    public IEnumerable<Permission> Permissions =>
    [
        new(Submit, "作品", "提交作品：本队成员编辑、上传、保存作品，队长定稿") { HeldByThePublic = true },
        new(Review, "作品", "管理作品：查看各队作品与历史版本、下载、导出、重新开放已定稿的作品"),
    ];
}

public sealed class SubmissionsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "提交作品", "/submissions", SubmissionPermissions.Submit, 250),
        new(NavMenu.Admin, "作品管理", "/admin/submissions", SubmissionPermissions.Review, 250),
    ];
}

public static class SubmissionsFeature
{
    public static IServiceCollection AddSubmissions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddThumbnailQueue<ThumbnailRecorder>();
        services.AddOptions<SubmissionUploadOptions>().Bind(configuration.GetSection(SubmissionUploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StagingArea>();
        services.AddSingleton<StagingCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<StagingCleanup>());
        services.AddScoped<SubmissionThumbnails>();
        services.AddScoped<StartUpload>();
        services.AddScoped<ReceiveChunk>();
        services.AddScoped<UploadLeases>();
        services.AddScoped<CompleteUpload>();
        services.AddScoped<CancelUpload>();
        services.AddScoped<UploadStatus>();
        services.AddScoped<FormFileUpload>();
        services.AddScoped<SaveSubmission>();
        services.AddScoped<ContestSite.Web.Setup.IRecipeStep, SubmissionsRecipeStep>();
        services.AddScoped<DeclaredDatasets>();
        services.AddScoped<FinaliseSubmission>();
        services.AddScoped<ReopenSubmission>();
        services.AddScoped<SubmissionEmails>();
        services.AddPermissions<SubmissionPermissions>();
        services.AddNavigation<SubmissionsNavigation>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSubmissionUploads();
        endpoints.MapSubmissionFiles();
        return endpoints;
    }
}
