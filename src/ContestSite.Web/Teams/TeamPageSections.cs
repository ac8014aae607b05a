namespace ContestSite.Web.Teams;

/// <summary>A block another feature adds to a team's own page (its certificates…): a partial view and its model.</summary>
[ExtensionPoint]
public sealed record TeamPageSection(string PartialName, object Model, int Order);

/// <summary>Features that show a team something on its page; asked only once the viewer is known to be a member.</summary>
[ExtensionPoint]
public interface ITeamPageSectionProvider
{
    /// <summary>The section for this team, or null when there is nothing to show.</summary>
    Task<TeamPageSection?> ForTeamAsync(int teamId, CancellationToken cancellationToken);
}
