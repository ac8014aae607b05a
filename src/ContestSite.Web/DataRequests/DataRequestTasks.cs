using ContestSite.Core.DataRequests;
using ContestSite.Data;
using ContestSite.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.DataRequests;

/// <summary>The organizers' inbox: demand requests nobody has routed or answered yet.</summary>
public sealed class DataRequestTasks(ContestDbContext db) : IOrganizerTaskSource
{
    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.DataRequests.CountAsync(r => r.State == DataRequestState.Open, cancellationToken);
        return [new("data.requests", "待处理的数据需求：{0} 项", waiting, "/data-requests?state=Open", DataRequestPermissions.ManageRequests)];
    }
}
