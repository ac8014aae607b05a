using ContestSite.Core.Catalog;
using ContestSite.Core.DataRequests;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.DataRequests.UseCases;

/// <summary>
/// An organizer's steps on a request: route it to a provider, answer it, decline it with a reason, or link the
/// dataset that opened for it. Answers and outcomes are mailed to the requester and supporters in the same
/// transaction; two organizers acting at once cannot both win (the version check).
/// </summary>
public sealed class HandleDataRequest(ContestDbContext db, DataRequestEmails emails, IAuditLog audit, TimeProvider clock)
{
    public Task<RuleResult> RouteAsync(int id, string? provider, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, "data-request.routed", r => DataRequestRules.CanRoute(r, provider), (r, now) =>
        {
            r.RoutedTo = DataRequestRules.Clean(provider);
            r.RoutedAt = now;
            if (r.State == DataRequestState.Open) r.State = DataRequestState.Routed;
        }, mail: false, cancellationToken);

    public Task<RuleResult> AnswerAsync(int id, string? answer, bool decline, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, decline ? "data-request.declined" : "data-request.answered", r => DataRequestRules.CanAnswer(r, answer, decline), (r, now) =>
        {
            r.Answer = DataRequestRules.Clean(answer);
            r.AnsweredAt = now;
            r.State = decline ? DataRequestState.Declined : DataRequestState.Answered;
        }, mail: true, cancellationToken);

    public async Task<RuleResult> LinkDatasetAsync(int id, Guid datasetId, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId)
            .Select(d => new { d.Title, Status = (DatasetStatus?)d.Status, OpenType = (OpenType?)d.OpenType }).SingleOrDefaultAsync(cancellationToken);
        return await ChangeAsync(id, "data-request.opened", r => DataRequestRules.CanLink(r, dataset?.Status, dataset?.OpenType), (r, now) =>
        {
            r.DatasetId = datasetId;
            r.OpenedAt = now;
            r.State = DataRequestState.Opened;
        }, mail: true, cancellationToken, datasetId, dataset?.Title);
    }

    private async Task<RuleResult> ChangeAsync(int id, string action, Func<DataRequest, RuleResult> check, Action<DataRequest, DateTimeOffset> change,
        bool mail, CancellationToken cancellationToken, Guid? datasetId = null, string? datasetTitle = null)
    {
        var request = await db.DataRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return RuleResult.Refuse("数据需求不存在");
        var allowed = check(request);
        if (!allowed.Allowed) return allowed;
        var now = clock.GetUtcNow();
        change(request, now);
        request.UpdatedAt = now;
        request.Version++;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (mail) await emails.EnqueueOutcomeAsync(request, datasetTitle, cancellationToken);
            await audit.AppendAsync(new AuditEvent(action, $"data-request:{id}", "ok", request.Title) { DatasetId = datasetId }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return RuleResult.Refuse("该需求刚被其他人处理，请刷新页面后重试");
        }
        return RuleResult.Ok;
    }
}
