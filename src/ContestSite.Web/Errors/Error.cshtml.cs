using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Errors;

/// <summary>The one page every failure ends on: what happened in plain words and a request id, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizerFactory localizers) : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var t = localizers.Create(typeof(ErrorModel));
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var status = code ?? StatusCodes.Status500InternalServerError;
        (Title, Message) = status switch
        {
            400 => (t["请求无效"].Value, t["表单已过期或请求不完整。请返回上一页，刷新后重试。"].Value),
            403 => (t["无权访问"].Value, t["您的账号没有访问该页面的权限。"].Value),
            404 => (t["页面不存在"].Value, t["您访问的页面不存在或已被移除。"].Value),
            409 => (t["文件校验失败"].Value, t["该文件的内容与上传时记录的校验值不一致，已停止提供下载，并已通知组委会。"].Value),
            410 => (t["证书已撤销"].Value, t["这张获奖证书已被组委会撤销，不能再下载。证书验证页面列出了撤销的日期和原因。"].Value),
            413 => (t["文件过大"].Value, t["上传的内容超过了允许的大小。"].Value),
            429 => (t["操作过于频繁"].Value, int.TryParse(Response.Headers.RetryAfter, out var seconds) ? t["请在 {0} 秒后再试。", seconds].Value : t["请稍后再试。"].Value),
            _ => (t["出错了"].Value, t["服务器处理请求时出错。我们已记录此问题，请稍后再试；如需联系组委会，请提供下面的请求编号。"].Value),
        };
        if (code is not null && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = status;
    }
}
