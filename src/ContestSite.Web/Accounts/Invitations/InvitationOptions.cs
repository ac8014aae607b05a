using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>Staff invitations (section <c>ContestSite:Accounts:Invitations</c>): how long a mailed invitation link works.</summary>
public sealed class InvitationOptions
{
    public const string Section = "ContestSite:Accounts:Invitations";

    public int ExpiryDays { get; set; } = 14;
}

public sealed class InvitationOptionsValidator : IValidateOptions<InvitationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvitationOptions options) =>
        options.ExpiryDays is >= 1 and <= 90
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ContestSite__Accounts__Invitations__ExpiryDays must be between 1 and 90 (was {options.ExpiryDays}).");
}
