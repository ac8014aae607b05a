using ContestSite.Benchmarks.Catalog;
using ContestSite.Benchmarks.Masking;
using ContestSite.Benchmarks.PublicPages;

return args.FirstOrDefault() switch
{
    "catalog" => await CatalogBenchmark.RunAsync(),
    "masking" => await MaskingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "public-pages" => await PublicPagesBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContestSite.Benchmarks -- catalog | masking [sizeMB] | public-pages [seconds]");
    return 2;
}
