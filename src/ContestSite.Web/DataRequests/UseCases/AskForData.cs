using ContestSite.Core.DataRequests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.DataRequests.UseCases;

/// <summary>A signed-in person asks for data that is not open yet; the request is public at once, without who asked.</summary>
public sealed class AskForData(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, int Id)> RunAsync(string userId, string? title, string? description, string? scenario, string? provider,
        CancellationToken cancellationToken = default)
    {
        var check = DataRequestRules.CheckNew(title, description, scenario, provider);
        if (!check.Allowed) return (check, 0);
        var now = clock.GetUtcNow();
        var request = new DataRequest
        {
            Title = DataRequestRules.Clean(title)!, Description = DataRequestRules.Clean(description)!, Scenario = DataRequestRules.Clean(scenario),
            SuggestedProvider = DataRequestRules.Clean(provider), RequesterId = userId, CreatedAt = now, UpdatedAt = now,
        };
        db.DataRequests.Add(request);
        await audit.AppendAsync(() => new AuditEvent("data-request.created", $"data-request:{request.Id}", "ok", request.Title), cancellationToken);
        return (RuleResult.Ok, request.Id);
    }
}
