using Microsoft.AspNetCore.Identity;

namespace ContestSite.Data.Accounts;

/// <summary>A person with an account. Registration asks only for email, password and display name.</summary>
public class SiteUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>zh-CN or en-US: the language of the emails this person receives.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>
    /// The 30-second time step of the last authenticator code accepted: a code of this step or an earlier one is refused,
    /// so a code seen over someone's shoulder (or replayed) cannot be used again while it is still valid.
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}

public class SiteRole : IdentityRole
{
    public SiteRole() { }
    public SiteRole(string name) : base(name) { }
    public string? Description { get; set; }
    /// <summary>Built-in roles can have their permissions edited but cannot be deleted or renamed.</summary>
    public bool IsBuiltIn { get; set; }
}
