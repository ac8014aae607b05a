namespace ContestSite.Web.Storage;

public static class StorageServices
{
    /// <summary>The write-once content store, the memory of verified files, and the download path that refuses changed files.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services)
    {
        services.AddSingleton<StoredFileVerifications>();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddScoped<StoredFileAlarm>();
        services.AddScoped<StoredFileDownloads>();
        return services;
    }
}
