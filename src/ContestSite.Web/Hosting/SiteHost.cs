using System.Text.Encodings.Web;
using System.Text.Unicode;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using ContestSite.Web.Setup;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace ContestSite.Web.Hosting;

/// <summary>How the host is put together: each feature adds its services and maps its endpoints here.</summary>
public static class SiteHost
{
    public static WebApplicationBuilder AddContestSite(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Data-protection keys live in App_Data/keys beside the database, protected like it by the folder's permissions; without a
        // certificate to encrypt them at rest ASP.NET Core warns at every new key. Only that warning of that one class is dropped.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .PostConfigure(o => PublicAddress.FoldLegacySetting(o, builder.Configuration)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        var options = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        PublicAddress.FoldLegacySetting(options, builder.Configuration);
        ValidateEarly(options, builder.Environment);
        var paths = new AppDataPaths(builder.Environment.ContentRootPath, options.AppDataPath);
        services.AddSingleton(paths);
        services.TryAddSingleton(TimeProvider.System);

        // The initializer is registered first so that it runs before every other hosted service.
        services.AddHostedService<SiteInitializer>();
        services.AddSiteDatabase(builder.Configuration, options, paths);
        services.AddDataProtection().SetApplicationName("ContestSite").PersistKeysToFileSystem(new DirectoryInfo(paths.Keys));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddPublicAddress(builder.Configuration, builder.Environment, options);
        // The Server header only tells an attacker which server's advisories to read.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.AddServerHeader = false);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddPublicOutputCache();

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.AddSingleton<PermissionRegistry>();
        services.AddSingleton<AnonymousPermissions>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization();

        services.AddRazorPages(pages =>
            {
                // Pages live in feature folders at the project root (Accounts/, Admin/…), each with its own @page route.
                pages.RootDirectory = "/";
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, ModelBindingMessages>();
        services.Configure<RouteOptions>(o => { o.LowercaseUrls = true; o.LowercaseQueryStrings = false; });
        services.AddAntiforgery(o => { o.Cookie.Name = "cs-xsrf"; o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; });
        services.AddOpenApi();

        var context = new SiteBuildContext(builder.Configuration, builder.Environment, options, paths);
        foreach (var feature in SiteFeatures.All) feature.Add(services, context);
        return builder;
    }

    public static WebApplication UseContestSite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization(SiteCultures.CreateOptions());
        app.UseRouting();
        app.UseAuthentication();
        app.UseSecondFactorEnrolment();
        app.UseAuthorization();
        app.UseThrottling();
        app.UseAntiforgery();
        app.UseOutputCache();

        // Registered before the host starts, so it runs after the console lifetime's own start-up lines (callbacks run last-in first-out).
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            // The console logger writes from a queue of its own: a moment's wait lets its last start-up lines out first.
            var listening = addresses.ToList();
            _ = Task.Delay(TimeSpan.FromMilliseconds(300)).ContinueWith(_ => app.Services.GetRequiredService<StartupBanner>().Print(listening), TaskScheduler.Default);
        });
        if (string.IsNullOrWhiteSpace(app.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.PublicBaseUrl)}"])
            && !string.IsNullOrWhiteSpace(app.Configuration[PublicAddress.LegacySetting]))
        {
            app.Logger.LogWarning("ContestSite__Announcements__PublicBaseUrl is deprecated and now serves every link: rename it to ContestSite__PublicBaseUrl.");
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        foreach (var feature in SiteFeatures.All) feature.Map?.Invoke(app);
        return app;
    }

    /// <summary>Settings needed while the host is being built are checked now, with the same messages.</summary>
    private static void ValidateEarly(SiteOptions options, IHostEnvironment environment)
    {
        var result = new SiteOptionsValidator(environment).Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(SiteOptions.Section, typeof(SiteOptions), result.Failures);
    }
}
