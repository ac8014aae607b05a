namespace ContestSite.Web.Seasons;

/// <summary>A season is one year's contest; almost every feature asks which one the site is running.</summary>
public static class SeasonServices
{
    public static IServiceCollection AddSeasons(this IServiceCollection services) => services.AddScoped<CurrentContest>();
}
