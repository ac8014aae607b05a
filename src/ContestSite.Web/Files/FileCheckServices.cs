using ContestSite.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Files;

public static class FileCheckServices
{
    /// <summary>Options (validated at start), the checker and its inspectors, and the thumbnail maker.</summary>
    public static IServiceCollection AddFileChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileLimitsOptions>()
            .Bind(configuration.GetSection(FileLimitsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FileLimitsOptions>, FileLimitsOptionsValidator>();
        services.AddSingleton(sp => new ZipInspector(Options(sp).Zip, sp.GetRequiredService<AppDataPaths>().Temp));
        services.AddSingleton(sp => new ImageInspector(Options(sp).Images));
        services.AddSingleton(sp => new ThumbnailMaker(sp.GetRequiredService<ImageInspector>(), Options(sp).Thumbnails));
        services.AddSingleton<FileChecker>();
        return services;
    }

    /// <summary>The background queue; <typeparamref name="TSink"/> records outcomes (the submissions feature's own).</summary>
    public static IServiceCollection AddThumbnailQueue<TSink>(this IServiceCollection services)
        where TSink : class, IThumbnailOutcomeSink
    {
        services.AddSingleton<IThumbnailOutcomeSink, TSink>();
        services.AddSingleton<IThumbnailJobHandler, StoredImageThumbnailHandler>();
        services.AddSingleton<ThumbnailQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ThumbnailQueue>());
        return services;
    }

    private static FileLimitsOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<FileLimitsOptions>>().Value;
}
