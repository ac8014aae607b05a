using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Files;

/// <summary>
/// Validates the options and their nested sections: ValidateDataAnnotations looks at the top level
/// only, and a zero entry limit or a negative timeout hidden in a section must stop the start too.
/// </summary>
public sealed class FileLimitsOptionsValidator : IValidateOptions<FileLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, FileLimitsOptions options)
    {
        var failures = new List<string>();
        foreach (var (section, value) in new (string, object)[] { ("", options), ("Zip:", options.Zip), ("Images:", options.Images), ("Thumbnails:", options.Thumbnails) })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => $"{FileLimitsOptions.Section}:{section}{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
        if (options.Thumbnails.Widths.Any(width => width is < 16 or > 4096))
            failures.Add($"{FileLimitsOptions.Section}:Thumbnails:Widths must each be between 16 and 4096");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
