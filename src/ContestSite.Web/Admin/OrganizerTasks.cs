namespace ContestSite.Web.Admin;

/// <summary>
/// Something waiting for an organizer: a localizer key whose <c>{0}</c> is the count, where to handle it, and the
/// permission a person needs to see it (the inbox and the digest mail show each person only what they may handle).
/// An item with a count of 0 is not shown, so a task disappears once handled.
/// </summary>
[ExtensionPoint]
public sealed record OrganizerTask(string Key, string Text, int Count, string Url, string Permission, bool Urgent = false);

/// <summary>A feature's contribution to the organizers' inbox on <c>/admin</c> and to their digest mail.</summary>
[ExtensionPoint]
public interface IOrganizerTaskSource
{
    Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken);
}
