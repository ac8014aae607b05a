using ContestSite.Core.Tests.Catalog;
using ContestSite.Search.Gallery;

namespace ContestSite.Core.Tests.Gallery;

/// <summary>A database stand-in for the gallery follower: entries by id, published or not.</summary>
internal sealed class InMemoryGalleryEntries : IGalleryEntrySource
{
    private int _version;

    public Dictionary<int, GalleryDocument> Published { get; } = [];

    /// <summary>How many entries the follower has re-read in full.</summary>
    public int Loaded { get; private set; }

    /// <summary>Simulates a withdrawal committed between the follower's reading of stamps and its loading of entries.</summary>
    public int? WithdrawBeforeNextLoad { get; set; }

    public GalleryDocument Publish(int id, string title, string team = "某团队", string? text = null, int year = 2020, int trackId = 1,
        string? award = null, string? domain = "城市治理", DateTimeOffset? at = null)
    {
        var entry = new GalleryDocument(id, GalleryDocument.StampOf(++_version, TestClock.Now), title, team, text, domain, year, trackId,
            "数字政府", award, award is null ? null : "一等奖", at ?? TestClock.Now.AddMinutes(id));
        Published[id] = entry;
        return entry;
    }

    public void Edit(int id, Func<GalleryDocument, GalleryDocument> change) =>
        Published[id] = change(Published[id]) with { Stamp = GalleryDocument.StampOf(++_version, TestClock.Now) };

    public void Withdraw(int id) => Published.Remove(id);

    public Task<IReadOnlyList<GalleryStamp>> ReadPublishedStampsAsync(int afterId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GalleryStamp>>(Published.Values.Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(max)
            .Select(e => new GalleryStamp(e.Id, e.Stamp)).ToList());

    public Task<IReadOnlyList<GalleryDocument>> LoadPublishedAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (WithdrawBeforeNextLoad is { } withdrawn)
        {
            Published.Remove(withdrawn);
            WithdrawBeforeNextLoad = null;
        }
        var found = ids.Where(Published.ContainsKey).Select(id => Published[id]).ToList();
        Loaded += found.Count;
        return Task.FromResult<IReadOnlyList<GalleryDocument>>(found);
    }
}
