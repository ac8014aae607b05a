using ContestSite.Core.Security;
using ContestSite.Web.Announcements.UseCases;
using ContestSite.Web.Hosting;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;

namespace ContestSite.Web.Announcements;

public sealed class AnnouncementPermissions : IPermissionProvider
{
    public const string ViewAnnouncements = "announcements.view";
    public const string ManageAnnouncements = "announcements.manage";
    public IEnumerable<Permission> Permissions =>
    [
        new(ViewAnnouncements, "公告", "阅读已发布的公告", ManageAnnouncements) { HeldByThePublic = true },
        new(ManageAnnouncements, "公告", "撰写、定时发布和置顶公告"),
    ];
}

public sealed class AnnouncementsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "公告", "/announcements", AnnouncementPermissions.ViewAnnouncements, 10),
        new(NavMenu.Admin, "公告管理", "/admin/announcements", AnnouncementPermissions.ManageAnnouncements, 150),
    ];
}

public static class AnnouncementsFeature
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddOptions<AnnouncementOptions>().BindConfiguration(AnnouncementOptions.Section);
        services.AddSingleton<AnnouncementSchedule>();
        services.AddSingleton<IPublicContentSchedule>(sp => sp.GetRequiredService<AnnouncementSchedule>());
        services.AddScoped<AnnouncementRecipients>();
        services.AddScoped<AnnouncementMailer>();
        services.AddScoped<SaveAnnouncement>();
        services.AddScoped<ChangePublication>();
        services.AddScoped<AnnouncementAttachments>();
        services.AddHostedService<AnnouncementJob>();
        services.AddPermissions<AnnouncementPermissions>();
        services.AddNavigation<AnnouncementsNavigation>();
        return services;
    }
}
