namespace ContestSite.Web.Text;

public static class TextServices
{
    /// <summary>The safe Markdown renderer that announcements, submissions, judging and the gallery show text with.</summary>
    public static IServiceCollection AddText(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        return services;
    }
}
