using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ContestSite.Web.Audit.Admin;

/// <summary>
/// Answers every other method with 405, as an authorization filter so that it runs before the antiforgery
/// check and before handler selection: a PUT, PATCH or DELETE never reaches a page of the audit log.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowMethodsAttribute(params string[] methods) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (methods.Any(allowed => string.Equals(allowed, method, StringComparison.OrdinalIgnoreCase))) return;
        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
