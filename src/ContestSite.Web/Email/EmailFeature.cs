using ContestSite.Web.Hosting;

namespace ContestSite.Web.Email;

public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services, SiteOptions options)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EmailTemplates>();
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        else
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
