using ContestSite.Benchmarks.Catalog;
using ContestSite.Benchmarks.Judging;
using ContestSite.Benchmarks.Masking;
using ContestSite.Benchmarks.Submissions;

return args.FirstOrDefault() switch
{
    "catalog" => await CatalogBenchmark.RunAsync(),
    "masking" => await MaskingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "upload" => await UploadBenchmark.RunAsync(),
    "finalise-load" => await FinaliseLoadBenchmark.RunAsync(args.Skip(1).ToArray()),
    "judging" => JudgingBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContestSite.Benchmarks -- catalog | masking [sizeMB] | upload | finalise-load [teams] | judging");
    return 2;
}
