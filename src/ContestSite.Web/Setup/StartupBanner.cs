using System.Text;
using ContestSite.Web.Accounts.TwoFactor;

namespace ContestSite.Web.Setup;

/// <summary>
/// The operator's first sight of the site: at the end of start-up, one framed block with the address, the accounts the
/// first start made and their password. The block exists only in memory and on the console, once: the password is never
/// stored in clear, so a later start prints only the address.
/// </summary>
public sealed class StartupBanner(StaffSecondFactor staffSecondFactor)
{
    private RecipeResult? _firstStart;
    private string? _recipe;

    /// <summary>The console by default; tests read what would be printed.</summary>
    public TextWriter Output { get; set; } = Console.Out;

    /// <summary>Called by the first start once its recipe has run.</summary>
    public void Remember(string recipe, RecipeResult result)
    {
        _recipe = recipe;
        _firstStart = result;
    }

    public void Print(IReadOnlyCollection<string> addresses)
    {
        var text = Compose(addresses);
        _firstStart = null;
        Output.Write(text);
        Output.Flush();
    }

    public string Compose(IReadOnlyCollection<string> addresses)
    {
        var text = new StringBuilder();
        if (_firstStart is null)
        {
            foreach (var address in addresses) text.AppendLine($"站点已启动 / site running at: {address}");
            return text.ToString();
        }
        var rule = new string('=', 78);
        text.AppendLine().AppendLine(rule);
        text.AppendLine($"  浙江省数据开放创新应用大赛 · 首次启动 / first start (recipe: {_recipe})");
        text.AppendLine(rule);
        foreach (var address in addresses) text.AppendLine($"  站点地址 / site address:  {address}");
        foreach (var message in _firstStart.Messages) text.AppendLine("  " + message);
        if (_firstStart.DemoAccounts.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("  演示账号 / demo accounts:");
            var width = _firstStart.DemoAccounts.Max(a => a.Email.Length);
            foreach (var (email, role) in _firstStart.DemoAccounts) text.AppendLine($"    {email.PadRight(width)}  {role}");
            text.AppendLine();
            text.AppendLine($"  共同密码 / shared password:  {_firstStart.DemoPassword}");
        }
        text.AppendLine();
        text.AppendLine(staffSecondFactor.Required
            ? "  组织者和评委须使用两步验证（验证器应用）/ organizers and judges must use an authenticator app."
            : "  开发环境：组织者和评委的两步验证已关闭（ContestSite__Accounts__RequireStaffSecondFactor）/ Development: the staff second factor is off.");
        text.AppendLine("  密码只显示这一次，不会以明文保存 / the password is shown only this once and is not stored in clear.");
        text.AppendLine(rule);
        return text.ToString();
    }
}
