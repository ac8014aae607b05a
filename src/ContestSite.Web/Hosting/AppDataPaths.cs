namespace ContestSite.Web.Hosting;

/// <summary>The folders under the app-data path, created on first use.</summary>
[ExtensionPoint]
public sealed class AppDataPaths
{
    public AppDataPaths(string contentRoot, string appDataPath)
    {
        Root = Path.GetFullPath(Path.Combine(contentRoot, appDataPath));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public string Keys => Ensure("keys");
    public string MailPickup => Ensure("mail-pickup");
    public string Files => Ensure("files");
    public string Index => Ensure("index");
    public string Temp => Ensure("tmp");

    private string Ensure(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
