namespace ContestSite.Core.Security;

/// <summary>
/// A named right that pages and endpoints ask for. Features own their permissions; roles are sets of
/// them. <paramref name="ImpliedBy"/> names permissions that grant this one too (a manager can also view).
/// </summary>
public sealed record Permission(string Name, string Category, string Description, params string[] ImpliedBy)
{
    /// <summary>
    /// A right the public holds (browse, take part, download open data). Every other right is staff's: an account
    /// whose roles hold one must use a second factor, whatever the role is called.
    /// </summary>
    public bool HeldByThePublic { get; init; }

    public override string ToString() => Name;
}
