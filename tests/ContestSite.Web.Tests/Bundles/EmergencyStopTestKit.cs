using ContestSite.Core.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Starting, lifting and resolving emergency stops (应急处置) through the organizer's pages.</summary>
public static class EmergencyStopTestKit
{
    public const string TeamMailSubject = "数据使用许可暂停";
    public const string OrganizerMailSubject = "应急处置已启动";

    public static string StartPage(Guid? datasetId) => datasetId is { } id ? $"/admin/incidents/start?datasetId={id}" : "/admin/incidents/start";

    public static Task<SiteClient.Page> StartStopAsync(this SiteClient organizer, Guid? datasetId, string what = "疑似数据泄露", string reason = "网上出现疑似来自该数据的样本，核查期间暂停",
        bool confirmed = true)
    {
        var fields = new Dictionary<string, string> { ["What"] = what, ["Reason"] = reason, ["DatasetId"] = datasetId?.ToString() ?? "" };
        if (confirmed) fields["Confirmed"] = "true";
        return organizer.PostFormAsync(StartPage(datasetId), fields);
    }

    public static Task<SiteClient.Page> LiftAsync(this SiteClient organizer, int incidentId, string reason = "核查完毕，样本与本数据无关") =>
        organizer.PostFormAsync($"/admin/incidents/{incidentId}", new Dictionary<string, string> { ["reason"] = reason }, $"/admin/incidents/{incidentId}?handler=Lift");

    public static Task<SiteClient.Page> RestoreAsync(this SiteClient organizer, int incidentId, int applicationId) =>
        organizer.PostFormAsync($"/admin/incidents/{incidentId}", new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/admin/incidents/{incidentId}?handler=Restore");

    public static Task<SiteClient.Page> RevokeSuspendedAsync(this SiteClient organizer, int incidentId, int applicationId, string reason) =>
        organizer.PostFormAsync($"/admin/incidents/{incidentId}", new Dictionary<string, string>
            { ["applicationId"] = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason }, $"/admin/incidents/{incidentId}?handler=Revoke");

    public static Task<int> OpenIncidentIdAsync(this SiteFactory site) =>
        site.WithDbAsync(db => db.DataIncidents.Where(i => i.LiftedAt == null).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync());

    public static Task<int> IncidentCountAsync(this SiteFactory site) => site.WithDbAsync(db => db.DataIncidents.CountAsync());

    public static Task<AccessApplication> ApplicationAsync(this SiteFactory site, int id) =>
        site.WithDbAsync(db => db.AccessApplications.AsNoTracking().SingleAsync(a => a.Id == id));

    public static Task<List<string>> OutboxRecipientsAsync(this SiteFactory site, string subjectPart) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(subjectPart)).OrderBy(m => m.ToAddress).Select(m => m.ToAddress).ToListAsync());
}
