using ContestSite.Web.Hosting;

namespace ContestSite.Web.Setup;

public static class SetupFeature
{
    public static IServiceCollection AddSetup(this IServiceCollection services)
    {
        services.AddScoped<RecipeExecutor>();
        services.AddSingleton<StartupBanner>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, OrganizerAccountStep>();
        services.AddScoped<IRecipeStep, ContestStep>();
        services.AddScoped<IRecipeStep, AnnouncementsStep>();
        services.AddSiteCommand<SetupCommand>();
        return services;
    }
}
