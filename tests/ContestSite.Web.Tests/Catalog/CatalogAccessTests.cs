using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>Who may download what: open data to the signed in, restricted data never without an approval, prohibited data never.</summary>
public sealed class CatalogAccessTests
{
    private static async Task<(Guid DatasetId, int ResourceId)> AttachFileAsync(SiteFactory site, string title, string content)
    {
        using var scope = site.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), 1_000_000);
        return await site.WithDbAsync(async db =>
        {
            var dataset = await db.Datasets.Include(d => d.Resources).SingleAsync(d => d.Title == title);
            var resource = new DatasetResource { FileName = "data.csv", SizeBytes = stored.Size, StorageKey = stored.Key, ContentHash = stored.Sha256, UploadedAt = DateTimeOffset.UtcNow };
            dataset.Resources.Add(resource);
            await db.SaveChangesAsync();
            return (dataset.Id, resource.Id);
        });
    }

    [Fact]
    public async Task A_file_of_an_open_dataset_is_served_to_a_signed_in_person_and_the_download_is_counted_and_audited()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (id, file) = await AttachFileAsync(site, "杭州市公交线路与站点信息", "线路,站点\n1路,武林广场\n");
        await site.CreateUserAsync("reader@example.com", "Reader-pass-1", "Contestant");
        using var anonymous = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/datasets/{id}/files/{file}")).Status);

        using var client = site.CreateSiteClient();
        await client.SignInAsync("reader@example.com", "Reader-pass-1");
        using var response = await client.Http.GetAsync($"/datasets/{id}/files/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("线路,站点\n1路,武林广场\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(1, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.DownloadCount).SingleAsync()));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.download" && e.Outcome == "ok" && e.Subject == $"dataset:{id}/file:{file}")));
        Assert.Contains($"/datasets/{id}/files/{file}", (await client.GetAsync($"/datasets/{id}")).Html);
    }

    [Fact]
    public async Task A_restricted_file_is_not_served_without_an_approved_application_and_the_refusal_is_audited()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (id, file) = await AttachFileAsync(site, "企业信用评价结果", "企业,等级\n甲,A\n");
        await site.CreateUserAsync("curious@example.com", "Curious-pass-1", "Contestant");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("curious@example.com", "Curious-pass-1");

        var page = await client.GetAsync($"/datasets/{id}");
        var download = await client.GetAsync($"/datasets/{id}/files/{file}");

        Assert.Contains("受限开放类", page.Text);
        Assert.DoesNotContain($"/files/{file}", page.Html);
        Assert.Equal(HttpStatusCode.Redirect, download.Status);
        Assert.DoesNotContain("甲,A", download.Html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "catalog.download" && e.Outcome == "refused")));
        Assert.Equal(0, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.DownloadCount).SingleAsync()));
    }

    [Fact]
    public async Task A_prohibited_dataset_is_listed_but_its_data_is_served_by_no_route_not_even_to_organizers()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (id, file) = await AttachFileAsync(site, "人口基础信息", "身份证号\n330106199001011234\n");
        using var organizer = await site.OrganizerAsync();
        await CatalogTestKit.WaitForSearchAsync(site, organizer.Http, "q=" + Uri.EscapeDataString("人口"), r => CatalogTestKit.Total(r) > 0);

        var page = await organizer.GetAsync($"/datasets/{id}");
        var api = await organizer.GetAsync($"/api/datasets/{id}");
        var download = await organizer.GetAsync($"/datasets/{id}/files/{file}");
        var search = await CatalogTestKit.SearchAsync(organizer.Http, "q=" + Uri.EscapeDataString("人口基础信息"));

        Assert.Contains("禁止开放类", page.Text);
        Assert.DoesNotContain("data.csv", page.Html);
        Assert.Contains("\"resources\":[]", api.Html);
        Assert.Equal(HttpStatusCode.NotFound, download.Status);
        Assert.DoesNotContain("330106199001011234", download.Html);
        Assert.Equal("Prohibited", search.GetProperty("items")[0].GetProperty("openType").GetString());
        Assert.DoesNotContain("files", search.GetRawText());
    }

    [Fact]
    public async Task A_guessed_file_id_of_another_dataset_is_not_found()
    {
        await using var site = await SiteFactory.CreateAsync();
        var (_, file) = await AttachFileAsync(site, "人口基础信息", "secret\n");
        var other = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "杭州市公交线路与站点信息").Select(d => d.Id).SingleAsync());
        await site.CreateUserAsync("guess@example.com", "Guess-pass-1", "Contestant");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("guess@example.com", "Guess-pass-1");

        var response = await client.GetAsync($"/datasets/{other}/files/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task An_organizer_uploads_a_file_to_a_dataset_and_a_path_in_its_name_is_dropped()
    {
        await using var site = await SiteFactory.CreateAsync();
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "停车场泊位信息").Select(d => d.Id).SingleAsync());
        using var organizer = await site.OrganizerAsync();
        var token = (await organizer.GetAsync($"/admin/datasets/{id}")).AntiforgeryToken!;

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("停车场,泊位\nA,10\n"u8.ToArray()), "file", "../../etc/停车\u202Etxt.csv" },
        };
        using var response = await organizer.Http.PostAsync($"/admin/datasets/{id}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resource = await site.WithDbAsync(db => db.DatasetResources.SingleAsync(r => r.DatasetId == id));
        Assert.Equal("停车txt.csv", resource.FileName);
        Assert.Equal(64, resource.StorageKey.Length);
        Assert.True(File.Exists(Path.Combine(site.AppDataPath, "files", resource.StorageKey[..2], resource.StorageKey[2..4], resource.StorageKey)));
    }
}
