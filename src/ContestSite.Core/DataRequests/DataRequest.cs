namespace ContestSite.Core.DataRequests;

/// <summary>Where a demand request stands: waiting, sent to a provider, answered, opened as a dataset, or declined.</summary>
public enum DataRequestState
{
    /// <summary>待处理: nobody has looked at it yet.</summary>
    Open = 0,
    /// <summary>已转办: an organizer sent it to the provider thought to hold the data.</summary>
    Routed = 1,
    /// <summary>已答复: the provider's or organizer's answer is published; the data is not open yet.</summary>
    Answered = 2,
    /// <summary>已开放: the data is in the catalogue; the request links to the dataset.</summary>
    Opened = 3,
    /// <summary>不予开放: declined, with the reason published.</summary>
    Declined = 4,
}

/// <summary>
/// 数据需求 (需求导向): a signed-in person asks for data that is not open yet. Public, without the requester's identity;
/// others support it; organizers route it to a provider, answer it, and link it to the dataset when it opens.
/// </summary>
public class DataRequest
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>What data, and why: plain text.</summary>
    public required string Description { get; set; }
    /// <summary>使用场景.</summary>
    public string? Scenario { get; set; }
    /// <summary>The provider the requester thinks holds the data.</summary>
    public string? SuggestedProvider { get; set; }
    /// <summary>Never shown publicly: only organizers and the requester see who asked.</summary>
    public required string RequesterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DataRequestState State { get; set; }
    /// <summary>The provider an organizer routed the request to.</summary>
    public string? RoutedTo { get; set; }
    public DateTimeOffset? RoutedAt { get; set; }
    /// <summary>The published answer (or, when declined, the reason).</summary>
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? DatasetId { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public int SupportCount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Raised by every change, so two organizers acting at once cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>One person's support (附议) of a request; one per person and request.</summary>
public class DataRequestSupport
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }
}
