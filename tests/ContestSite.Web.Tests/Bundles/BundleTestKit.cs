using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>A restricted dataset with personal data, bundles, applications through the pages, the downloaded zip.</summary>
public static partial class BundleTestKit
{
    public const string Csv = "姓名,手机号,身份证号,区域,备注\n张三,13812341234,330106199001011234,西湖区,住在文三路8号\n李四,13987654321,33010619851231567X,拱墅区,爱好登山\n";

    public sealed record Data(Guid Id, int FileId);

    public sealed record Zip(IReadOnlyList<string> Names, IReadOnlyDictionary<string, byte[]> Entries, JsonElement Manifest)
    {
        public string Text(string name) => Encoding.UTF8.GetString(Entries[name]).TrimStart('\uFEFF');
    }

    /// <summary>
    /// A dataset of the given class with five fields (four sensitive, no masking rules yet) and one CSV file, published
    /// through the review (submitted by the organizer, approved by a second one).
    /// </summary>
    public static Task<Data> DatasetAsync(this SiteFactory site, string title, OpenType openType = OpenType.Restricted, string csv = Csv, string fileName = "people.csv") =>
        site.DatasetAsync(title, openType, Encoding.UTF8.GetBytes(csv), fileName);

    public static async Task<Data> DatasetAsync(this SiteFactory site, string title, OpenType openType, byte[] content, string fileName)
    {
        using var scope = site.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(content), 1_000_000);
        var data = await site.WithDbAsync(async db =>
        {
            var dataset = new Dataset { Title = title, OpenType = openType, Status = DatasetStatus.Draft, Provider = "省大数据局", CreatedAt = site.Clock.GetUtcNow(), UpdatedAt = site.Clock.GetUtcNow() };
            var names = new[] { ("姓名", true), ("手机号", true), ("身份证号", true), ("区域", false), ("备注", true) };
            dataset.Fields.AddRange(names.Select((f, i) => new DatasetField { Name = f.Item1, IsSensitive = f.Item2, SortOrder = i }));
            var resource = new DatasetResource { FileName = fileName, SizeBytes = stored.Size, StorageKey = stored.Key, ContentHash = stored.Sha256, UploadedAt = site.Clock.GetUtcNow() };
            dataset.Resources.Add(resource);
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            return new Data(dataset.Id, resource.Id);
        });
        await site.PublishThroughReviewAsync(data.Id);
        return data;
    }

    /// <summary>Rules for three of the four sensitive fields; 备注 is left without one, so it must be dropped.</summary>
    public static Task SetRulesAsync(this SiteFactory site, Guid datasetId) => site.WithDbAsync(async db =>
    {
        db.FieldMaskingRules.AddRange(
            new FieldMaskingRule { DatasetId = datasetId, FieldName = "姓名", Rule = "PersonName" },
            new FieldMaskingRule { DatasetId = datasetId, FieldName = "手机号", Rule = "MobilePhone" },
            new FieldMaskingRule { DatasetId = datasetId, FieldName = "身份证号", Rule = "IdCardNumber" });
        return await db.SaveChangesAsync();
    });

    public static Task PutInBundleAsync(this SiteFactory site, int trackId, params Guid[] datasetIds) => site.WithDbAsync(async db =>
    {
        var bundle = await db.Bundles.Include(b => b.Datasets).FirstOrDefaultAsync(b => b.TrackId == trackId);
        if (bundle is null) db.Bundles.Add(bundle = new Bundle { TrackId = trackId, Terms = "仅用于本届大赛，赛后删除。" });
        bundle.Datasets.AddRange(datasetIds.Select(id => new BundleDataset { DatasetId = id }));
        return await db.SaveChangesAsync();
    });

    /// <summary>Applies through the form as a browser does: with the agreement version the form shows (or <paramref name="agreementVersion"/>).</summary>
    public static async Task<SiteClient.Page> ApplyAsync(this SiteClient client, Guid datasetId, string purpose = "分析救助对象分布", bool agree = true,
        int? agreementVersion = null)
    {
        var form = await client.GetAsync($"/bundles/apply/{datasetId}");
        var fields = new Dictionary<string, string>
        {
            ["Purpose"] = purpose, ["Scenario"] = "为民政部门提供救助资源调度建议",
            ["__RequestVerificationToken"] = form.AntiforgeryToken ?? throw new InvalidOperationException($"no application form ({form.Status})"),
        };
        if (agree) fields["AgreementAccepted"] = "true";
        var shown = ShownAgreementVersion().Match(form.Html);
        if (agreementVersion is { } forced) fields["AgreementVersionId"] = forced.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (shown.Success) fields["AgreementVersionId"] = shown.Groups[1].Value;
        return await client.PostAsync($"/bundles/apply/{datasetId}", fields);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"AgreementVersionId\" value=\"(\\d+)\"")]
    private static partial System.Text.RegularExpressions.Regex ShownAgreementVersion();

    public static Task<int> ApplicationIdAsync(this SiteFactory site, int teamId, Guid datasetId) =>
        site.WithDbAsync(db => db.AccessApplications.Where(a => a.TeamId == teamId && a.DatasetId == datasetId).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());

    public static Task<SiteClient.Page> DecideAsync(this SiteClient organizer, int applicationId, string handler, Dictionary<string, string>? fields = null) =>
        organizer.PostFormAsync($"/admin/data-applications/{applicationId}", fields ?? [], $"/admin/data-applications/{applicationId}?handler={handler}");

    /// <summary>The organizer asks the expert committee through the page, to answer by <paramref name="dueAt"/> (China time in the form).</summary>
    public static Task<SiteClient.Page> AskExpertsAsync(this SiteClient organizer, int applicationId, DateTimeOffset dueAt) =>
        organizer.DecideAsync(applicationId, "Opinion", new() { ["dueAt"] = ContestTime.ToInput(dueAt) });

    /// <summary>
    /// Applies through the page and has the organizer approve it for <paramref name="days"/> days, with the security
    /// assessment; the expert committee's supporting opinion (which data with sensitive fields needs) is written
    /// directly in the database, as the opinion's own tests give it through the page.
    /// </summary>
    public static async Task<int> ApprovedApplicationAsync(this SiteFactory site, SiteClient client, int teamId, Guid datasetId, int days = 30)
    {
        var applied = await client.ApplyAsync(datasetId);
        Assert.True(applied.Status == HttpStatusCode.Redirect, applied.Text);
        var id = await site.ApplicationIdAsync(teamId, datasetId);
        await site.ExpertOpinionAsync(id);
        using var organizer = await site.OrganizerAsync();
        var approved = await organizer.DecideAsync(id, "Approve", new()
        {
            ["validDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture), ["assessment"] = "脱敏后风险可控，同意在有效期内使用",
        });
        Assert.True(approved.Status == HttpStatusCode.Redirect, approved.Text);
        return id;
    }

    /// <summary>The committee was asked and one expert supports the application (written directly, see above).</summary>
    public static Task ExpertOpinionAsync(this SiteFactory site, int applicationId) => site.WithDbAsync(async db =>
    {
        var application = await db.AccessApplications.Include(a => a.Opinions).SingleAsync(a => a.Id == applicationId);
        application.OpinionRequestedAt ??= site.Clock.GetUtcNow();
        application.Opinions.Add(new ExpertOpinion { JudgeId = "expert", JudgeName = "数据专家", Supports = true, Comment = "用途明确", At = site.Clock.GetUtcNow() });
        return await db.SaveChangesAsync();
    });

    public static async Task<Zip> DownloadBundleAsync(this SiteClient client)
    {
        using var response = await client.Http.GetAsync("/bundles/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var zip = new ZipArchive(body, ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        var manifest = JsonDocument.Parse(entries["manifest.json"]).RootElement.Clone();
        return new Zip(zip.Entries.Select(e => e.FullName).ToList(), entries, manifest);
    }

    public static JsonElement ManifestDataset(this Zip zip, Guid id) =>
        zip.Manifest.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);

    public static Task<bool> AuditedAsync(this SiteFactory site, string action, string outcome, int? teamId = null, Guid? datasetId = null) =>
        site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.Outcome == outcome
            && (teamId == null || e.TeamId == teamId) && (datasetId == null || e.DatasetId == datasetId)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
