namespace ContestSite.Core.Security;

/// <summary>
/// A named right that pages and endpoints ask for. Features own their permissions; roles are sets of
/// them. <paramref name="ImpliedBy"/> names permissions that grant this one too (a manager can also view).
/// </summary>
public sealed record Permission(string Name, string Category, string Description, params string[] ImpliedBy)
{
    public override string ToString() => Name;
}
