using ContestSite.Benchmarks.Bundles;
using ContestSite.Benchmarks.Catalog;
using ContestSite.Benchmarks.Judging;
using ContestSite.Benchmarks.Masking;
using ContestSite.Benchmarks.Submissions;
using ContestSite.Benchmarks.PublicPages;

return args.FirstOrDefault() switch
{
    "catalog" => await CatalogBenchmark.RunAsync(),
    "masking" => await MaskingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "upload" => await UploadBenchmark.RunAsync(),
    "finalise-load" => await FinaliseLoadBenchmark.RunAsync(args.Skip(1).ToArray()),
    "judging" => JudgingBenchmark.Run(),
    "bundle" => await BundleBenchmark.RunAsync(args.Skip(1).ToArray()),
    "public-pages" => await PublicPagesBenchmark.RunAsync(args.Skip(1).ToArray()),
    "zip-check" => ZipCheckBenchmark.Run(args.Skip(1).ToArray()),
    "performance-report" => await PerformanceReportBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContestSite.Benchmarks -- catalog | masking [sizeMB] | upload | finalise-load [teams] | judging | public-pages [seconds] | bundle [sizeMB] | zip-check [file.zip] | performance-report [datasets]");
    return 2;
}
