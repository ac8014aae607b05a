using Microsoft.Extensions.Options;
using MimeKit;

namespace ContestSite.Web.Hosting;

/// <summary>Stops the site at start with a message that names the setting that is wrong.</summary>
public sealed class SiteOptionsValidator(IHostEnvironment environment) : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        var failures = new List<string>();
        ValidateAddresses(options, failures);
        if (string.IsNullOrWhiteSpace(options.AppDataPath))
            failures.Add("ContestSite__AppDataPath must name a folder.");
        if (!Enum.IsDefined(options.Database.Provider))
            failures.Add("ContestSite__Database__Provider must be Sqlite or Postgres.");
        var smtp = options.Smtp;
        if (!string.IsNullOrWhiteSpace(smtp.Host) && smtp.Port is < 1 or > 65535)
            failures.Add($"ContestSite__Smtp__Port must be between 1 and 65535 (was {smtp.Port}).");
        if (!MailboxAddress.TryParse(smtp.From, out _))
            failures.Add($"ContestSite__Smtp__From is not an email address: '{smtp.From}'.");
        if (smtp.Security is not ("None" or "Auto" or "SslOnConnect" or "StartTls"))
            failures.Add($"ContestSite__Smtp__Security must be None, Auto, SslOnConnect or StartTls (was '{smtp.Security}').");
        if (smtp.MaxAttempts < 1)
            failures.Add("ContestSite__Smtp__MaxAttempts must be at least 1.");
        if (smtp.PollInterval <= TimeSpan.Zero)
            failures.Add("ContestSite__Smtp__PollInterval must be positive.");
        if (!string.IsNullOrEmpty(options.Setup.AdminEmail) && !MailboxAddress.TryParse(options.Setup.AdminEmail, out _))
            failures.Add($"ContestSite__Setup__AdminEmail is not an email address: '{options.Setup.AdminEmail}'.");
        if (options.Accounts.RequireStaffSecondFactor == false && !environment.IsDevelopment())
            failures.Add("ContestSite__Accounts__RequireStaffSecondFactor=false is allowed only in the Development environment: " +
                "organizers and judges always need an authenticator on a real site (remove the setting).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateAddresses(SiteOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!environment.IsDevelopment())
                failures.Add("ContestSite__PublicBaseUrl is required: the site's public address, e.g. https://contest.example.cn " +
                    "(every link in mail starts with it, and requests for other host names are refused).");
        }
        else if (!PublicAddress.TryParseBaseUrl(options.PublicBaseUrl, out _))
        {
            failures.Add($"ContestSite__PublicBaseUrl must be an absolute http:// or https:// address without query or fragment (was '{options.PublicBaseUrl}').");
        }
        var invalidProxies = PublicAddress.ParseProxies(options.KnownProxies).Invalid;
        if (invalidProxies.Count > 0)
            failures.Add($"ContestSite__KnownProxies must list IP addresses or CIDR networks separated by commas (not: {string.Join(", ", invalidProxies)}).");
    }
}
