namespace ContestSite.Search;

/// <summary>
/// HTML, safe to render as is: the text is HTML-encoded and the matches are wrapped in &lt;mark&gt;.
/// <see cref="Description"/> is a fragment around the best match, or the start of the description.
/// </summary>
public sealed record HitHighlights(string Title, string? Description);
