using ContestSite.Web.Certificates.UseCases;
using ContestSite.Web.Teams;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Certificates;

/// <summary>
/// Award certificates (获奖证书): issued when a round's results become final, downloaded as a PDF by the team,
/// verified by anyone at <c>/certificates/{code}</c>, revoked by organizers with a reason.
/// </summary>
public static class CertificatesFeature
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CertificateOptions>, CertificateOptionsValidator>();
        services.AddSingleton<CertificateFont>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<IssueCertificates>();
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<DownloadCertificate>();
        services.AddScoped<ITeamPageSectionProvider, TeamCertificates>();
        return services;
    }

    /// <summary>
    /// The PDF, to the certificate's team and organizers only (404 to anyone else, signed in or not), always as an
    /// attachment with nosniff and no caching; a revoked certificate answers 410.
    /// </summary>
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/certificates/{code}.pdf", async (string code, HttpContext http, DownloadCertificate download, CancellationToken cancellationToken) =>
            {
                http.Response.Headers.CacheControl = "private, no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return await download.RunAsync(http.User, code, cancellationToken) switch
                {
                    CertificateDownload.Ready ready => Results.File(ready.Pdf, "application/pdf", $"获奖证书-{ready.Certificate.Code}.pdf"),
                    CertificateDownload.Revoked => Results.StatusCode(StatusCodes.Status410Gone),
                    _ => Results.NotFound(),
                };
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}
